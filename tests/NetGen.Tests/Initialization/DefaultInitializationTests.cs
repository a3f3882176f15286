using System;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Initialization;

/// <summary>
/// Without an Init, a layer after ReLU or LeakyReLU starts He normal, N(0, 2/fan_in), and any other
/// layer Xavier uniform, U(−b, b) with b = √(6/(fan_in + fan_out)); every bias starts at zero. The
/// layers are big (12k to 49k weights), so sample statistics sit within a fraction of a percent of
/// their expectation and the tolerances below are several standard errors wide.
/// </summary>
public class DefaultInitializationTests
{
    private static readonly Architecture Shape = DefaultInitializationNet.Architecture;

    [Theory]
    [InlineData(0)] // 128 -> 256, ReLU
    [InlineData(2)] // 192 -> 64, LeakyReLU
    public void ReLUFamilyLayerStartsHeNormal(int layer)
    {
        double[] weights = Weights(layer, seed: 11);
        double expectedStd = Math.Sqrt(2.0 / Shape.FanIn(layer));

        double std = StandardDeviation(weights);
        Assert.InRange(std, 0.97 * expectedStd, 1.03 * expectedStd);
        Assert.InRange(weights.Average(), -5 * expectedStd / Math.Sqrt(weights.Length), 5 * expectedStd / Math.Sqrt(weights.Length));
        // A normal puts 4.55% of its mass beyond 2σ; a uniform of the same σ puts none there.
        double tail = weights.Count(w => Math.Abs(w) > 2 * expectedStd) / (double)weights.Length;
        Assert.InRange(tail, 0.035, 0.056);
    }

    [Theory]
    [InlineData(1)] // 256 -> 192, Tanh
    [InlineData(3)] // 64 -> 10, Softmax
    public void OtherLayerStartsXavierUniform(int layer)
    {
        double[] weights = Weights(layer, seed: 11);
        double bound = Math.Sqrt(6.0 / (Shape.FanIn(layer) + Shape.Layers[layer].Size));

        // Float rounding may carry a value a hair past a bound that is not itself a float.
        Assert.All(weights, w => Assert.InRange(Math.Abs(w), 0, bound * (1 + 1e-6)));
        Assert.InRange(weights.Max(Math.Abs), 0.98 * bound, bound * (1 + 1e-6));
        if (weights.Length > 10_000)
        {
            double std = StandardDeviation(weights);
            Assert.InRange(std, 0.98 * bound / Math.Sqrt(3), 1.02 * bound / Math.Sqrt(3));
        }
    }

    [Fact]
    public void EveryBiasStartsAtZero()
    {
        double[] parameters = Parameters(seed: 11);
        for (int l = 0; l < Shape.Layers.Length; l++)
        {
            int size = Shape.Layers[l].Size;
            int biasStart = Shape.CanonicalOffset(l) + Shape.FanIn(l) * size;
            Assert.All(parameters.AsSpan(biasStart, size).ToArray(), b => Assert.Equal(0.0, b));
        }
    }

    private static double[] Weights(int layer, int seed)
    {
        int count = Shape.FanIn(layer) * Shape.Layers[layer].Size;
        return Parameters(seed).AsSpan(Shape.CanonicalOffset(layer), count).ToArray();
    }

    private static double[] Parameters(int seed)
    {
        var network = new DefaultInitializationNet(seed);
        Assert.Equal(DefaultInitializationNet.ParameterCount, Shape.ParameterCount);
        var parameters = new float[DefaultInitializationNet.ParameterCount];
        network.ExportParameters(parameters);
        return Close.ToDouble(parameters);
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
