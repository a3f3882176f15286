using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Prediction;

/// <summary>
/// With a single output, Predict is the perceptron's step: 1 strictly above the threshold, else 0.
/// The threshold is 0.5 after a Sigmoid and 0 after anything else. The output is set exactly, by
/// zero weights and a chosen bias, so that the boundary itself can be probed.
/// </summary>
public class PredictThresholdTests
{
    [Theory]
    [InlineData(0.0, 0)]      // σ(0) = 0.5 exactly: not above the threshold
    [InlineData(1e-9, 1)]     // σ just above 0.5
    [InlineData(-1e-9, 0)]
    [InlineData(3.0, 1)]
    public void SigmoidOutputStepsAtOneHalf(double bias, int expected)
    {
        var network = new LogisticRegressionNet();
        network.ImportParameters([0, 0, bias]); // weight [1, 2], then bias [1]

        Assert.Equal(expected, network.Predict([0.3, -0.7]));
    }

    [Theory]
    [InlineData(0.0, 0)]     // tanh 0 = 0 exactly: not above the threshold
    [InlineData(0.2, 1)]     // tanh 0.2 ≈ 0.197: above 0, though below 0.5
    [InlineData(-0.2, 0)]
    public void TanhOutputStepsAtZero(double bias, int expected)
    {
        var network = new ReLUHiddenScalarTanhNet();
        var parameters = new double[ReLUHiddenScalarTanhNet.ParameterCount];
        parameters[^1] = bias; // every weight and hidden bias 0, so the output is tanh(bias)
        network.ImportParameters(parameters);

        Assert.Equal(expected, network.Predict([1.0, 2.0, 3.0]));
    }

    [Theory]
    [InlineData(0.0f, 0)]
    [InlineData(0.3f, 1)]    // 0.3 is above 0 and below 0.5: the threshold is 0 for an Identity output
    [InlineData(-0.3f, 0)]
    public void IdentityOutputStepsAtZero(float bias, int expected)
    {
        var network = new FloatRegressionNet();
        var parameters = new float[FloatRegressionNet.ParameterCount];
        parameters[^1] = bias;
        network.ImportParameters(parameters);

        Assert.Equal(expected, network.Predict([1f, -1f, 2f, 0.5f]));
    }

    /// <summary>With several outputs, Predict is the index of the largest, wherever it sits.</summary>
    [Fact]
    public void SeveralOutputsPredictTheLargest()
    {
        var network = new FloatCrossEntropyNet();
        var parameters = new float[FloatCrossEntropyNet.ParameterCount];
        int outputBias = FloatCrossEntropyNet.ParameterCount - FloatCrossEntropyNet.OutputSize;
        for (int winner = 0; winner < FloatCrossEntropyNet.OutputSize; winner++)
        {
            Array.Clear(parameters);
            for (int j = 0; j < FloatCrossEntropyNet.OutputSize; j++)
                parameters[outputBias + j] = j == winner ? 1f : -(float)j / 10;
            network.ImportParameters(parameters);

            Assert.Equal(winner, network.Predict(new float[FloatCrossEntropyNet.InputSize]));
        }
    }
}
