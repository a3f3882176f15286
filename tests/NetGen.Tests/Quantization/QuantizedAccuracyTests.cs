using System;
using NetGen.Data.Tests.Support;
using NetGen.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Quantization;

/// <summary>
/// The accuracy a trained classifier keeps when its weights take fewer bytes: on the digits' held-out quarter and
/// on Fashion-MNIST's test set, each format loses at most half a point of accuracy (Int8: one point on the 449
/// digits, where one sample is 0.22 points) and its probabilities stay near the float network's. Float32, which only
/// sums in another order, stays within rounding of them, and a near tie may flip one sample's class at most.
/// </summary>
public sealed class QuantizedAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Digits_keep_their_accuracy()
    {
        Dataset<float> digits = Datasets.Digits<float>();
        for (int i = 0; i < digits.Features.Length; i++)
            digits.Features[i] /= 16f;
        (Dataset<float> test, Dataset<float> training) = digits.Split(0.25, seed: 1);
        var network = new QuantizedDigitsNet(1);
        Trainer.Fit(network, training, new TrainingOptions { Epochs = 30, BatchSize = 32, Seed = 1 });

        Compare(network, test, WeightFormat.Int8, maximumLoss: 0.01, maximumDifference: 0.1);
        Compare(network, test, WeightFormat.BFloat16, maximumLoss: 0.005, maximumDifference: 0.02);
        Compare(network, test, WeightFormat.Float32, maximumLoss: 0.0025, maximumDifference: 1e-5);
    }

    [InstalledFashionMnistFact]
    public void Fashion_mnist_keeps_its_accuracy()
    {
        Dataset<float> training = Datasets.FashionMnist<float>();
        Dataset<float> test = Datasets.FashionMnist<float>(Datasets.DefaultFashionMnistDirectory, training: false);
        var network = new QuantizedFashionNet(1);
        Trainer.Fit(network, training, new TrainingOptions { Epochs = 2, BatchSize = 64, Seed = 1 });

        Compare(network, test, WeightFormat.Int8, maximumLoss: 0.005, maximumDifference: 0.1);
        Compare(network, test, WeightFormat.BFloat16, maximumLoss: 0.005, maximumDifference: 0.05);
        Compare(network, test, WeightFormat.Float32, maximumLoss: 0.0005, maximumDifference: 1e-5);
    }

    private void Compare(INetwork<float> network, Dataset<float> test, WeightFormat format, double maximumLoss, double maximumDifference)
    {
        QuantizedNetwork quantized = network.Quantize(format);
        var expected = new float[test.Count * network.OutputSize];
        var actual = new float[expected.Length];
        network.Forward(test.Features, expected);
        quantized.Forward(test.Features, actual);

        int floatCorrect = 0, quantizedCorrect = 0;
        double largest = 0;
        for (int s = 0; s < test.Count; s++)
        {
            ReadOnlySpan<float> e = expected.AsSpan(s * 10, 10), a = actual.AsSpan(s * 10, 10);
            floatCorrect += ArgMax(e) == test.Labels![s] ? 1 : 0;
            quantizedCorrect += ArgMax(a) == test.Labels![s] ? 1 : 0;
            for (int o = 0; o < 10; o++)
                largest = Math.Max(largest, Math.Abs(e[o] - a[o]));
        }
        double floatAccuracy = (double)floatCorrect / test.Count, quantizedAccuracy = (double)quantizedCorrect / test.Count;
        output.WriteLine($"{format}: accuracy {quantizedAccuracy:P2} against float's {floatAccuracy:P2}; largest probability difference {largest:G3}");

        Assert.InRange(floatAccuracy, 0.8, 1.0);
        Assert.InRange(floatAccuracy - quantizedAccuracy, double.NegativeInfinity, maximumLoss);
        Assert.InRange(largest, 0, maximumDifference);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best])
                best = i;
        return best;
    }
}
