using System.Linq;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Learning;

/// <summary>
/// The material's lesson: one sigmoid neuron draws a straight line, which separates AND and OR but
/// cannot separate XOR; one hidden layer bends the line and XOR is learned.
/// </summary>
public class LinearSeparabilityTests
{
    private const int Steps = 5000;

    [Fact]
    public void SingleNeuronLearnsAnd() => AssertNeuronLearns(Datasets.And<float>());

    [Fact]
    public void SingleNeuronLearnsOr() => AssertNeuronLearns(Datasets.Or<float>());

    /// <summary>
    /// No line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other, so however long it
    /// trains, the neuron gets at least one row of XOR wrong. A network that got all four would not be
    /// computing a single neuron.
    /// </summary>
    [Fact]
    public void SingleNeuronCannotLearnXor()
    {
        Dataset<float> xor = Datasets.Xor<float>();
        var neuron = new SigmoidNeuron(seed: 3);

        Train(neuron, xor);

        int wrong = Enumerable.Range(0, xor.Count).Count(i => neuron.Predict(xor.FeaturesOf(i)) != xor.Labels![i]);
        Assert.True(wrong >= 1, "A single sigmoid neuron classified all four rows of XOR, which no linear separator can do.");
    }

    [Fact]
    public void HiddenLayerLearnsXor()
    {
        Dataset<float> xor = Datasets.Xor<float>();
        var network = new XorNet(seed: 3);

        Train(network, xor);

        var output = new float[1];
        for (int i = 0; i < xor.Count; i++)
        {
            network.Forward(xor.FeaturesOf(i), output);
            bool expectedAbove = xor.Labels![i] == 1;
            Assert.True(output[0] > 0.5f == expectedAbove,
                $"Row ({xor.FeaturesOf(i)[0]}, {xor.FeaturesOf(i)[1]}) gives {output[0]}, expected {(expectedAbove ? "above" : "below")} 0.5.");
        }
    }

    private static void AssertNeuronLearns(Dataset<float> data)
    {
        var neuron = new SigmoidNeuron(seed: 3);

        Train(neuron, data);

        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Labels![i], neuron.Predict(data.FeaturesOf(i)));
    }

    /// <summary>Full-batch SGD on the four rows: a training step sees the whole truth table.</summary>
    private static void Train(INetwork<float> network, Dataset<float> data)
    {
        for (int step = 0; step < Steps; step++)
            network.TrainStep(data.Features, data.Labels);
    }
}
