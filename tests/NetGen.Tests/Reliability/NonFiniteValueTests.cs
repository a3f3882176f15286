using System;
using System.Linq;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Reliability;

/// <summary>
/// The non-finite-value contract: training never leaves the parameters non-finite without telling;
/// values that no step can use are refused before anything changes.
/// </summary>
public sealed class NonFiniteValueTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void ANonFiniteInputIsRefusedBeforeAnyChange(float bad)
    {
        var net = new FloatRegressionNet(seed: 1);
        float[] before = net.Parameters.ToArray();
        float[] inputs = new float[3 * FloatRegressionNet.InputSize];
        inputs[5] = bad;
        var exception = Assert.Throws<ArgumentException>(() => net.TrainStep(inputs, new float[3]));
        Assert.Contains("at index 5", exception.Message);
        Assert.Equal("inputs", exception.ParamName);
        Assert.Throws<ArgumentException>(() => net.ComputeGradients(inputs, new float[3]));
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void ANonFiniteTargetIsRefused()
    {
        var net = new FloatRegressionNet(seed: 1);
        var exception = Assert.Throws<ArgumentException>(() => net.TrainStep(new float[2 * FloatRegressionNet.InputSize], [0f, float.NaN]));
        Assert.Equal("targets", exception.ParamName);
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void BinaryCrossEntropyRefusesTargetsOutsideZeroToOne(float target)
    {
        var net = new FloatBinaryNet(seed: 1);
        float[] targets = [0f, 1f, target];
        var exception = Assert.Throws<ArgumentException>(() => net.TrainStep(new float[3 * FloatBinaryNet.InputSize], targets));
        Assert.Contains("at index 2", exception.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5000)] // two chunks of 4096 samples at most, whose optimizer step runs with the sum of their gradients
    public void ALossThatOverflowsStopsTheStepAndLeavesTheNetworkAsItWas(int batch)
    {
        var net = new FloatRegressionNet(seed: 1);
        // Finite inputs whose outputs and squared errors overflow float.
        float[] inputs = Enumerable.Repeat(3e37f, batch * FloatRegressionNet.InputSize).ToArray();
        float[] before = net.Parameters.ToArray();
        var exception = Assert.Throws<NonFiniteLossException>(() => net.TrainStep(inputs, new float[batch]));
        Assert.False(double.IsFinite(exception.Loss));
        Assert.Equal(before, net.Parameters.ToArray());
        // The optimizer's state is untouched too: the next good step is the one a fresh copy takes.
        var fresh = new FloatRegressionNet(seed: 1);
        float[] good = Enumerable.Range(0, 3 * FloatRegressionNet.InputSize).Select(i => i / 10f).ToArray();
        Assert.Equal(fresh.TrainStep(good, [1f, 2f, 3f]), net.TrainStep(good, [1f, 2f, 3f]));
        Assert.Equal(fresh.Parameters.ToArray(), net.Parameters.ToArray());
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(-0.1f)]
    public void ALearningRateThatIsNotFiniteOrIsNegativeIsRefused(float rate)
    {
        var net = new FloatRegressionNet(seed: 1);
        float declared = net.LearningRate;
        Assert.Throws<ArgumentException>(() => net.LearningRate = rate);
        Assert.Equal(declared, net.LearningRate);
    }

    [Fact]
    public void PredictOnANaNInputNamesNoClass()
    {
        var binary = new FloatBinaryNet(seed: 1);
        float[] input = new float[FloatBinaryNet.InputSize];
        input[0] = float.NaN;
        Assert.Throws<ArgumentException>(() => binary.Predict(input));
        var classifier = new FloatCrossEntropyNet(seed: 1);
        input = new float[FloatCrossEntropyNet.InputSize];
        input[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => classifier.Predict(input));
    }

    [Theory]
    [InlineData(new[] { float.NaN })]
    [InlineData(new[] { 0.2f, float.NaN, 0.7f })]
    [InlineData(new[] { float.NaN, 0.1f })]
    public void AnOutputThatIsNaNNamesNoClass(float[] output) =>
        // Finite inputs can still overflow to a NaN output (a softmax of two infinities), which no class is read from.
        Assert.Throws<ArgumentException>(() => NetGen.Kernels.Predictions.Decide<float>(output, 0.5f));

    [Fact]
    public void ImportingANonFiniteParameterIsRefused()
    {
        var net = new FloatRegressionNet(seed: 1);
        float[] parameters = new float[FloatRegressionNet.ParameterCount];
        parameters[^1] = float.NaN;
        Assert.Throws<ArgumentException>(() => net.ImportParameters(parameters));
    }
}
