using System;
using NetGen.Optimizer.Tests.Networks;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Optimizer.Tests.Initialization;

/// <summary>
/// Sample statistics of freshly initialized large layers against each scheme's formula (PyTorch's
/// <c>nn.init</c> definitions), not against the initializer's code. With n ≥ 16384 samples the
/// standard error of the sample standard deviation is below 0.6% and that of the excess kurtosis
/// below 0.04, so the tolerances below are five or more standard errors wide: a wrong fan, a
/// missing gain or a uniform where a normal belongs all miss by far more.
/// </summary>
public class InitializationStatisticsTests
{
    private const double UniformKurtosis = -1.2, NormalKurtosis = 0.0;

    [Theory]
    [InlineData(1)]
    [InlineData(20240607)]
    public void PyTorchInitDrawsWeightsAndBiasesFromPlusMinusOneOverRootFanIn(int seed)
    {
        double[] p = Export(new PyTorchInitNet(seed));
        int offset = 0;
        foreach (var (fanIn, fanOut) in new[] { (64, 256), (256, 256) })
        {
            double bound = 1 / Math.Sqrt(fanIn);
            string layer = $"Init.PyTorch layer {fanIn}→{fanOut}";
            ReadOnlySpan<double> weights = p.AsSpan(offset, fanIn * fanOut);
            ReadOnlySpan<double> bias = p.AsSpan(offset + fanIn * fanOut, fanOut);
            offset += fanIn * fanOut + fanOut;
            AssertUniform(weights, bound, $"{layer} weights");
            // 256 biases: only the bound and loose moments are worth checking.
            Assert.True(MaxAbs(bias) <= bound, $"{layer} biases: largest |b| {MaxAbs(bias):R} exceeds 1/√fan_in = {bound:R}.");
            Assert.True(MaxAbs(bias) > 0.9 * bound, $"{layer} biases: largest |b| {MaxAbs(bias):R} is far below 1/√fan_in = {bound:R}.");
            var s = Moments.Of(bias);
            AssertNear(s.StandardDeviation, bound / Math.Sqrt(3), 0.15, $"{layer} bias standard deviation");
            Assert.True(Math.Abs(s.Mean) < 5 * bound / Math.Sqrt(3 * fanOut), $"{layer} bias mean {s.Mean:R} is not near 0.");
        }
        Assert.Equal(p.Length, offset);
    }

    [Fact]
    public void HeUniformAfterReLUDrawsFromPlusMinusRootOfSixOverFanIn()
    {
        double[] p = Export(new HeUniformInitNet(seed: 3));
        AssertUniform(p.AsSpan(0, 256 * 128), Math.Sqrt(6.0 / 256), "Init.HeUniform weights (ReLU gain √2)");
        AssertZero(p.AsSpan(256 * 128, 128), "Init.HeUniform biases");
    }

    [Fact]
    public void XavierNormalHasStandardDeviationRootOfTwoOverFanInPlusFanOut()
    {
        double[] p = Export(new XavierNormalInitNet(seed: 4));
        AssertNormal(p.AsSpan(0, 256 * 128), Math.Sqrt(2.0 / (256 + 128)), "Init.XavierNormal weights");
        AssertZero(p.AsSpan(256 * 128, 128), "Init.XavierNormal biases");
    }

    [Fact]
    public void NormalWithInitScaleHasThatStandardDeviation()
    {
        double[] p = Export(new NormalInitNet(seed: 5));
        AssertNormal(p.AsSpan(0, 256 * 256), 0.01, "Init.Normal, InitScale 0.01, weights");
        AssertZero(p.AsSpan(256 * 256, 256), "Init.Normal biases");
    }

    [Fact]
    public void ZerosIsAllZeros()
    {
        double[] p = Export(new ZerosInitNet(seed: 6));
        AssertZero(p, "Init.Zeros parameters");
    }

    private static double[] Export(INetwork<double> network)
    {
        var p = new double[network.ParameterCount];
        network.ExportParameters(p);
        return p;
    }

    private static void AssertUniform(ReadOnlySpan<double> values, double bound, string what)
    {
        var s = Moments.Of(values);
        double largest = MaxAbs(values);
        Assert.True(largest <= bound, $"{what}: largest |w| {largest:R} exceeds the bound {bound:R}.");
        // Of n uniform draws the largest |w| falls short of the bound by about bound/n.
        Assert.True(largest > bound * (1 - 1e-3), $"{what}: largest |w| {largest:R} is well inside the bound {bound:R}.");
        AssertNear(s.StandardDeviation, bound / Math.Sqrt(3), 0.02, $"{what}: standard deviation (bound/√3)");
        Assert.True(Math.Abs(s.Mean) < 5 * bound / Math.Sqrt(3 * values.Length), $"{what}: mean {s.Mean:R} is not near 0.");
        AssertAbsolute(s.ExcessKurtosis, UniformKurtosis, 0.1, $"{what}: excess kurtosis (uniform −1.2)");
    }

    private static void AssertNormal(ReadOnlySpan<double> values, double standardDeviation, string what)
    {
        var s = Moments.Of(values);
        AssertNear(s.StandardDeviation, standardDeviation, 0.02, $"{what}: standard deviation");
        Assert.True(Math.Abs(s.Mean) < 5 * standardDeviation / Math.Sqrt(values.Length), $"{what}: mean {s.Mean:R} is not near 0.");
        AssertAbsolute(s.ExcessKurtosis, NormalKurtosis, 0.2, $"{what}: excess kurtosis (normal 0)");
        // A normal sample of this size reaches past 3.5σ; a uniform or clipped one does not.
        Assert.True(MaxAbs(values) > 3.5 * standardDeviation, $"{what}: no value beyond 3.5σ; the tails are missing.");
    }

    private static void AssertZero(ReadOnlySpan<double> values, string what)
    {
        for (int k = 0; k < values.Length; k++)
            if (values[k] != 0)
                throw new XunitException($"{what}: [{k}] is {values[k]:R}, not 0.");
    }

    private static void AssertNear(double actual, double expected, double relative, string what)
    {
        if (!(Math.Abs(actual - expected) <= relative * Math.Abs(expected)))
            throw new XunitException($"{what}: {actual:R}, expected {expected:R} within {relative:P0}.");
    }

    private static void AssertAbsolute(double actual, double expected, double absolute, string what)
    {
        if (!(Math.Abs(actual - expected) <= absolute))
            throw new XunitException($"{what}: {actual:R}, expected {expected:R} ± {absolute}.");
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double m = 0;
        foreach (double v in values)
            m = Math.Max(m, Math.Abs(v));
        return m;
    }

    private readonly record struct Moments(double Mean, double StandardDeviation, double ExcessKurtosis)
    {
        public static Moments Of(ReadOnlySpan<double> values)
        {
            double mean = 0;
            foreach (double v in values)
                mean += v;
            mean /= values.Length;
            double m2 = 0, m4 = 0;
            foreach (double v in values)
            {
                double d = (v - mean) * (v - mean);
                m2 += d;
                m4 += d * d;
            }
            m2 /= values.Length;
            m4 /= values.Length;
            return new Moments(mean, Math.Sqrt(m2), m4 / (m2 * m2) - 3);
        }
    }
}
