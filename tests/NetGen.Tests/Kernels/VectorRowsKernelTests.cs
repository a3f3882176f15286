using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Dense.ForwardVectorRows and Dense.BackwardVectorRows against nested scalar loops in double, for an
/// input row of exactly one Vector128, Vector256 or Vector512 (the vectorized form at each width the
/// machine accelerates; the scalar form at the others) and of a few other sizes (the scalar form),
/// outputs 1 to 6 and 22 (past the four columns kept in registers and the sixteen laid out after
/// them), every activation derivative the backward kernel applies, and batches of 1, 2, 3, 13 and 33
/// (groups of four and the rows after them).
/// </summary>
public class VectorRowsKernelTests
{
    // Past the four columns kept in registers, and past the sixteen after them laid out once.
    private static readonly int[] OutputSizes = [1, 2, 3, 4, 5, 6, 22];

    private static readonly Activation[] Derivatives =
        [Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU];

    public static TheoryData<int> Batches => KernelTestData.BatchData;

    private static int[] InputSizes<T>() => [Vector128<T>.Count, Vector256<T>.Count, Vector512<T>.Count, 1, 3, Vector256<T>.Count + 1];

    [Theory, MemberData(nameof(Batches))]
    public void FloatForwardMatchesScalarReference(int batch) => CheckForward<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleForwardMatchesScalarReference(int batch) => CheckForward<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatBackwardMatchesScalarReference(int batch) => CheckBackward<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleBackwardMatchesScalarReference(int batch) => CheckBackward<double>(batch);

    /// <summary>
    /// With one or two outputs and an input gradient, the backward kernel sums the parameter gradients in
    /// the same pass as the input gradient; they must be the very bits of the pass without it.
    /// </summary>
    [Theory, MemberData(nameof(Batches))]
    public void ParameterGradientsAreTheSameBitsWithOrWithoutTheInputGradient(int batch)
    {
        var data = new TestData(500 + batch);
        foreach (int inSize in new[] { Vector128<float>.Count, Vector256<float>.Count, Vector512<float>.Count })
        foreach (int outSize in new[] { 1, 2 })
        {
            var (x, _) = KernelTestData.Random<float>(data, batch * inSize, 0.6);
            var (dz, _) = KernelTestData.Random<float>(data, batch * outSize);
            var (w, _) = KernelTestData.Random<float>(data, inSize * outSize);
            var (dwWith, dBiasWith, dwWithout, dBiasWithout) =
                (new float[inSize * outSize], new float[outSize], new float[inSize * outSize], new float[outSize]);

            Dense.BackwardVectorRows<float>(x, dz, w, dwWith, dBiasWith, new float[batch * inSize], batch, inSize, outSize, Activation.Tanh);
            Dense.BackwardVectorRows<float>(x, dz, w, dwWithout, dBiasWithout, default, batch, inSize, outSize, Activation.Tanh);

            Assert.Equal(dwWithout, dwWith);
            Assert.Equal(dBiasWithout, dBiasWith);
        }
    }

    /// <summary><c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c>.</summary>
    private static void CheckForward<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(300 + batch);
        foreach (int inSize in InputSizes<T>())
        foreach (int outSize in OutputSizes)
        {
            var (x, xd) = KernelTestData.Random<T>(data, batch * inSize);
            var (w, wd) = KernelTestData.Random<T>(data, inSize * outSize);
            var (bias, bd) = KernelTestData.Random<T>(data, outSize);
            var z = new GuardedBuffer<T>(batch * outSize);

            Dense.ForwardVectorRows<T>(x, w, bias, z.Span, batch, inSize, outSize);

            var (expected, magnitude) = KernelTestData.DenseForward(xd, wd, bd, batch, inSize, outSize);
            string what = $"Dense.ForwardVectorRows<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}";
            KernelTestData.AssertClose(z.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
            z.AssertGuardsIntact(what);
        }
    }

    /// <summary>
    /// <c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c>, <c>dBias[o] = Σₛ dz[s, o]</c> and
    /// <c>dx[s, i] = f′(x[s, i])·Σₒ w[i, o]·dz[s, o]</c>, overwriting what was there; with an empty dx, the
    /// parameter gradients alone, dx left as it was.
    /// </summary>
    private static void CheckBackward<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(400 + batch);
        foreach (int inSize in InputSizes<T>())
        foreach (int outSize in OutputSizes)
        foreach (Activation activation in Derivatives)
        foreach (bool withInputGradient in new[] { true, false })
        {
            // Activations' outputs, in (0, 1) for Sigmoid, in (−1, 1) for Tanh, either sign for the ReLUs.
            var (x, xd) = KernelTestData.Random<T>(data, batch * inSize, activation == Activation.Sigmoid ? 0.3 : 0.6);
            if (activation == Activation.Sigmoid)
                for (int k = 0; k < x.Length; k++)
                {
                    x[k] += T.CreateChecked(0.5);
                    xd[k] = double.CreateChecked(x[k]);
                }
            var (dz, dzd) = KernelTestData.Random<T>(data, batch * outSize);
            var (w, wd) = KernelTestData.Random<T>(data, inSize * outSize);
            var dw = new GuardedBuffer<T>(inSize * outSize);
            var dBias = new GuardedBuffer<T>(outSize);
            var dx = new GuardedBuffer<T>(batch * inSize);
            double[] untouched = dx.ToDouble();

            Dense.BackwardVectorRows<T>(x, dz, w, dw.Span, dBias.Span, withInputGradient ? dx.Span : default,
                batch, inSize, outSize, activation);

            var expectedW = new double[inSize * outSize];
            var magnitudeW = new double[inSize * outSize];
            var expectedB = new double[outSize];
            var magnitudeB = new double[outSize];
            var expectedX = new double[batch * inSize];
            var magnitudeX = new double[batch * inSize];
            for (int s = 0; s < batch; s++)
                for (int o = 0; o < outSize; o++)
                {
                    double d = dzd[s * outSize + o];
                    expectedB[o] += d;
                    magnitudeB[o] += Math.Abs(d);
                    for (int i = 0; i < inSize; i++)
                    {
                        expectedW[i * outSize + o] += xd[s * inSize + i] * d;
                        magnitudeW[i * outSize + o] += Math.Abs(xd[s * inSize + i] * d);
                    }
                }
            for (int s = 0; s < batch; s++)
                for (int i = 0; i < inSize; i++)
                {
                    double sum = 0, size = 0;
                    for (int o = 0; o < outSize; o++)
                    {
                        sum += wd[i * outSize + o] * dzd[s * outSize + o];
                        size += Math.Abs(wd[i * outSize + o] * dzd[s * outSize + o]);
                    }
                    double slope = Slope(activation, xd[s * inSize + i]);
                    expectedX[s * inSize + i] = sum * slope;
                    magnitudeX[s * inSize + i] = size * SlopeMagnitude(activation, xd[s * inSize + i]);
                }
            string what = $"Dense.BackwardVectorRows<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}, {activation}";
            KernelTestData.AssertClose(dw.ToDouble(), expectedW, magnitudeW, KernelTestData.Tolerance<T>(), what + ", weights");
            KernelTestData.AssertClose(dBias.ToDouble(), expectedB, magnitudeB, KernelTestData.Tolerance<T>(), what + ", bias");
            dw.AssertGuardsIntact(what + ", weights");
            dBias.AssertGuardsIntact(what + ", bias");
            if (withInputGradient)
                KernelTestData.AssertClose(dx.ToDouble(), expectedX, magnitudeX, KernelTestData.Tolerance<T>(), what + ", input");
            else
                Assert.Equal(untouched, dx.ToDouble());
            dx.AssertGuardsIntact(what + ", input");
        }
    }

    /// <summary>
    /// The sum of the absolute terms f′ is computed from: 1 − a² cancels as a nears ±1, so its error is
    /// relative to 1 + a², not to the slope itself.
    /// </summary>
    private static double SlopeMagnitude(Activation activation, double a) => activation switch
    {
        Activation.Sigmoid => Math.Abs(a) * (1 + Math.Abs(a)),
        Activation.Tanh => 1 + a * a,
        _ => Math.Abs(Slope(activation, a)),
    };

    /// <summary>f′ in terms of f's output a.</summary>
    private static double Slope(Activation activation, double a) => activation switch
    {
        Activation.Sigmoid => a * (1 - a),
        Activation.Tanh => 1 - a * a,
        Activation.ReLU => a > 0 ? 1 : 0,
        Activation.LeakyReLU => a > 0 ? 1 : 0.01,
        _ => 1,
    };
}
