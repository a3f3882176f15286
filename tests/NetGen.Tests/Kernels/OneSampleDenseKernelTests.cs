using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Tests.FastMathTests;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Dense.ForwardOne, one sample through a layer with its activation fused, against a scalar reference
/// in double: every output size from 1 to five 512-bit vectors and three (the widest vector it uses),
/// sizes that fill its sixteen- and eight-vector blocks, several input sizes, and every activation. The layer sits
/// inside a larger parameter array between values that must not leak into it (NaN in the padding, and
/// large values before), as it does in a network.
/// </summary>
public class OneSampleDenseKernelTests
{
    private static readonly int[] InputSizes = [1, 2, 3, 5, 9, 16, 17, 40];

    public static TheoryData<Activation> Activations => new(Enum.GetValues<Activation>());

    [Theory, MemberData(nameof(Activations))]
    public void FloatMatchesScalarReference(Activation activation) => Check<float>(activation);

    [Theory, MemberData(nameof(Activations))]
    public void DoubleMatchesScalarReference(Activation activation) => Check<double>(activation);

    private static IEnumerable<int> OutputSizes<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int vector = Vector512<T>.Count;
        return Enumerable.Range(1, 5 * vector + 3).Concat([8 * vector, 8 * vector + 3, 16 * vector + 1, 24 * vector + 5]);
    }

    private static void Check<T>(Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(7 + (int)activation);
        int padding = Dense.SamplePadding<T>();
        foreach (int inSize in InputSizes)
        foreach (int outSize in OutputSizes<T>())
        {
            const int before = 5;
            int weights = before, bias = before + inSize * outSize;
            var parameters = new T[bias + outSize + padding];
            parameters.AsSpan(0, before).Fill(T.CreateChecked(1e30));
            parameters.AsSpan(bias + outSize).Fill(T.NaN);
            var (w, wd) = KernelTestData.Random<T>(data, inSize * outSize);
            var (b, bd) = KernelTestData.Random<T>(data, outSize);
            w.CopyTo(parameters, weights);
            b.CopyTo(parameters, bias);
            var (x, xd) = KernelTestData.Random<T>(data, inSize, scale: 2);
            int padded = (outSize + padding - 1) / padding * padding;
            var z = new GuardedBuffer<T>(padded);

            Dense.ForwardOne<T>(x, parameters, weights, bias, z.Span, inSize, outSize, activation);

            var (logits, magnitude) = KernelTestData.DenseForward(xd, wd, bd, 1, inSize, outSize);
            double[] expected = Activate(logits, activation);
            // Every activation here changes by at most its input's change (Softmax by twice it), and
            // adds a few roundings of its own.
            double[] allowed = activation == Activation.Softmax ? magnitude.Select(m => 2 * m).ToArray() : magnitude;
            string what = $"Dense.ForwardOne<{typeof(T).Name}> {inSize} -> {outSize}, {activation}";
            KernelTestData.AssertClose(z.ToDouble()[..outSize], expected, allowed, KernelTestData.Tolerance<T>(), what,
                absolute: 4 * KernelTestData.Epsilon<T>() * Math.Max(1, expected.Max(Math.Abs)));
            z.AssertGuardsIntact(what);
        }
    }

    private static double[] Activate(double[] z, Activation activation)
    {
        switch (activation)
        {
            case Activation.Sigmoid: return z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
            case Activation.Tanh: return z.Select(Math.Tanh).ToArray();
            case Activation.ReLU: return z.Select(v => Math.Max(v, 0)).ToArray();
            case Activation.LeakyReLU: return z.Select(v => v > 0 ? v : 0.01 * v).ToArray();
            case Activation.SiLU: return z.Select(v => v / (1 + Math.Exp(-v))).ToArray();
            case Activation.ELU: return z.Select(v => v > 0 ? v : Math.Exp(v) - 1).ToArray();
            case Activation.Softplus: return z.Select(v => v > 20 ? v : Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v)))).ToArray();
            case Activation.GELU: return z.Select(v => v * ExactMath.NormalCdf(v).ToDouble()).ToArray();
            case Activation.Mish: return z.Select(v => v * Math.Tanh(Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v))))).ToArray();
            case Activation.GELUTanh: return z.Select(v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))).ToArray();
            case Activation.Softmax:
                double max = z.Max();
                double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
                double total = e.Sum();
                return e.Select(v => v / total).ToArray();
            default: return z;
        }
    }

    /// <summary>
    /// Softmax shifts a row by its first value and falls back to its maximum when a value lies so far
    /// above the first that its exponential overflows; either way the result is the softmax.
    /// </summary>
    [Theory]
    [InlineData(-100.0, 50.0, 120.0)]
    [InlineData(0.0, 1.0, 2.0)]
    [InlineData(300.0, -300.0, 0.0)]
    [InlineData(-400.0, 400.0, 0.0)]
    public void SoftmaxOfFarApartValuesNeitherOverflowsNorUnderflows(double first, double second, double third)
    {
        double[] logits = [first, second, third];
        double max = logits.Max();
        double total = logits.Sum(v => Math.Exp(v - max));
        foreach (bool single in new[] { true, false })
        {
            // Zero weights: the outputs are the bias.
            int padding = single ? Dense.SamplePadding<float>() : Dense.SamplePadding<double>();
            double[] actual;
            if (single)
            {
                var parameters = new float[2 * 3 + 3 + padding];
                for (int o = 0; o < 3; o++)
                    parameters[6 + o] = (float)logits[o];
                var z = new float[padding];
                Dense.ForwardOne<float>(new float[2], parameters, 0, 6, z, 2, 3, Activation.Softmax);
                actual = z[..3].Select(v => (double)v).ToArray();
            }
            else
            {
                var parameters = new double[2 * 3 + 3 + padding];
                logits.CopyTo(parameters, 6);
                var z = new double[padding];
                Dense.ForwardOne<double>(new double[2], parameters, 0, 6, z, 2, 3, Activation.Softmax);
                actual = z[..3];
            }
            for (int o = 0; o < 3; o++)
                Assert.Equal(Math.Exp(logits[o] - max) / total, actual[o], single ? 1e-6 : 1e-14);
        }
    }

    [Fact]
    public void ParametersWithoutPaddingAreRejectedNamingTheSize()
    {
        var parameters = new float[2 * 3 + 3];
        var error = Assert.Throws<ArgumentException>(() =>
            Dense.ForwardOne<float>(new float[2], parameters, 0, 6, new float[16], 2, 3, Activation.Identity));
        Assert.Equal("parameters", error.ParamName);
        Assert.Contains($"expected at least {9 + Dense.SamplePadding<float>()}", error.Message);
    }

    [Fact]
    public void OutputWithoutPaddingIsRejectedNamingTheSize()
    {
        var parameters = new double[2 * 3 + 3 + Dense.SamplePadding<double>()];
        var error = Assert.Throws<ArgumentException>(() =>
            Dense.ForwardOne<double>(new double[2], parameters, 0, 6, new double[3], 2, 3, Activation.Identity));
        Assert.Equal("z", error.ParamName);
        Assert.Contains($"expected at least {Dense.SamplePadding<double>()}", error.Message);
    }

    [Fact]
    public void ShortInputIsRejectedNamingTheSize()
    {
        var parameters = new float[2 * 3 + 3 + Dense.SamplePadding<float>()];
        var error = Assert.Throws<ArgumentException>(() =>
            Dense.ForwardOne<float>(new float[1], parameters, 0, 6, new float[16], 2, 3, Activation.Identity));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("expected at least 2", error.Message);
    }
}
