using System;
using NetGen.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Learning;

/// <summary>
/// The material's spiral: three interleaved arms of 100 points that no straight line separates,
/// learned by a 2-10-3 Sigmoid/Softmax network trained by minibatch SGD.
/// </summary>
public class SpiralTrainingTests(ITestOutputHelper output)
{
    private const int Epochs = 300;
    private const int BatchSize = 30;

    [Fact]
    public void SpiralNetworkFitsTheSpiral()
    {
        Dataset<float> spiral = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 1);
        Assert.Equal(300, spiral.Count);
        var network = new SpiralNet(seed: 1);
        var shuffle = new SeededRandom(2);
        int[] order = new int[spiral.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var inputs = new float[BatchSize * 2];
        var labels = new int[BatchSize];

        double lastEpochLoss = 0;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            // Fisher–Yates: every epoch sees the samples in a new order, as the material's loader does.
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = shuffle.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            double epochLoss = 0;
            for (int start = 0; start < order.Length; start += BatchSize)
            {
                for (int k = 0; k < BatchSize; k++)
                {
                    spiral.FeaturesOf(order[start + k]).CopyTo(inputs.AsSpan(2 * k));
                    labels[k] = spiral.Labels![order[start + k]];
                }
                epochLoss += network.TrainStep(inputs, labels);
            }
            lastEpochLoss = epochLoss / (order.Length / BatchSize);
        }

        int correct = 0;
        for (int i = 0; i < spiral.Count; i++)
            if (network.Predict(spiral.FeaturesOf(i)) == spiral.Labels![i])
                correct++;
        double accuracy = (double)correct / spiral.Count;
        output.WriteLine($"Mean loss over the last epoch {lastEpochLoss:F4}, training accuracy {accuracy:P1}.");

        Assert.True(lastEpochLoss <= 0.15, $"Mean loss over the last epoch is {lastEpochLoss:F4}, expected at most 0.15 (accuracy {accuracy:P1}).");
        Assert.True(accuracy >= 0.95, $"Training accuracy is {accuracy:P1}, expected at least 95% (last-epoch loss {lastEpochLoss:F4}).");
    }
}
