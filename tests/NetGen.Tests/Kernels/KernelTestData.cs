using System;
using System.Collections.Generic;
using System.Numerics;
using System.Linq;
using NetGen.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Tests.Kernels;

/// <summary>Sizes, batches, random operands and the comparison shared by the kernel tests.</summary>
internal static class KernelTestData
{
    /// <summary>
    /// Batch sizes: 1 to 3 are rows outside any block; 13 runs an eight-row block, a four-row block
    /// and a single row; 33 runs four eight-row blocks and a single row.
    /// </summary>
    public static readonly int[] Batches = [1, 2, 3, 13, 33];

    /// <summary>
    /// Every length from 1 up to five vectors and three: past the 3-vector-and-3 minimum, so that
    /// kernels unrolled by four vectors run their unrolled block, a single-vector block and every
    /// tail length.
    /// </summary>
    public static IEnumerable<int> VectorizedSizes<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Enumerable.Range(1, 5 * Vector<T>.Count + 3);

    public static TheoryData<int> BatchData => new(Batches);

    /// <summary>Values of T drawn from N(0, scale²), and the same values widened to double for the reference.</summary>
    public static (T[] Values, double[] Exact) Random<T>(TestData data, int count, double scale = 1.0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var values = new T[count];
        var exact = new double[count];
        for (int k = 0; k < count; k++)
        {
            values[k] = T.CreateChecked(scale * data.Normal());
            exact[k] = double.CreateChecked(values[k]);
        }
        return (values, exact);
    }

    /// <summary>
    /// The dense layer's pre-activations <c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c> in double, with the
    /// magnitude of each (the sum of its terms' absolute values) for <see cref="AssertClose"/>.
    /// </summary>
    public static (double[] Values, double[] Magnitude) DenseForward(double[] x, double[] w, double[] bias, int batch, int inSize, int outSize)
    {
        var values = new double[batch * outSize];
        var magnitude = new double[batch * outSize];
        for (int s = 0; s < batch; s++)
            for (int o = 0; o < outSize; o++)
            {
                double sum = bias[o], size = Math.Abs(bias[o]);
                for (int i = 0; i < inSize; i++)
                {
                    sum += x[s * inSize + i] * w[i * outSize + o];
                    size += Math.Abs(x[s * inSize + i] * w[i * outSize + o]);
                }
                values[s * outSize + o] = sum;
                magnitude[s * outSize + o] = size;
            }
        return (values, magnitude);
    }

    /// <summary>The weight gradient <c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c> in double, with each value's magnitude.</summary>
    public static (double[] Values, double[] Magnitude) WeightGradient(double[] x, double[] dz, int batch, int inSize, int outSize)
    {
        var values = new double[inSize * outSize];
        var magnitude = new double[inSize * outSize];
        for (int s = 0; s < batch; s++)
            for (int i = 0; i < inSize; i++)
                for (int o = 0; o < outSize; o++)
                {
                    values[i * outSize + o] += x[s * inSize + i] * dz[s * outSize + o];
                    magnitude[i * outSize + o] += Math.Abs(x[s * inSize + i] * dz[s * outSize + o]);
                }
        return (values, magnitude);
    }

    /// <summary>The input gradient <c>dx[s, i] = Σₒ w[i, o]·dz[s, o]</c> in double, with each value's magnitude.</summary>
    public static (double[] Values, double[] Magnitude) InputGradient(double[] dz, double[] w, int batch, int inSize, int outSize)
    {
        var values = new double[batch * inSize];
        var magnitude = new double[batch * inSize];
        for (int s = 0; s < batch; s++)
            for (int i = 0; i < inSize; i++)
                for (int o = 0; o < outSize; o++)
                {
                    values[s * inSize + i] += w[i * outSize + o] * dz[s * outSize + o];
                    magnitude[s * inSize + i] += Math.Abs(w[i * outSize + o] * dz[s * outSize + o]);
                }
        return (values, magnitude);
    }

    /// <summary>The relative accuracy expected of a kernel in T against a double reference: a few dozen roundings.</summary>
    public static double Tolerance<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? 1e-5 : 1e-13;

    /// <summary>The machine epsilon of T: the gap between 1 and the next value.</summary>
    public static double Epsilon<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? Math.ScaleB(1, -23) : Math.ScaleB(1, -52);

    /// <summary>
    /// Asserts <c>|actual − expected| ≤ tolerance·magnitude + absolute</c> element by element, where
    /// magnitude is the sum of the absolute values of the terms the reference added up (so
    /// cancellation is allowed its rounding error, and nothing more).
    /// </summary>
    public static void AssertClose(double[] actual, double[] expected, double[] magnitude, double tolerance, string what, double absolute = 0)
    {
        var failures = new List<string>();
        for (int k = 0; k < expected.Length; k++)
        {
            double allowed = tolerance * magnitude[k] + absolute;
            if (!(Math.Abs(actual[k] - expected[k]) <= allowed))
                failures.Add($"[{k}] {actual[k]:R}, reference {expected[k]:R}");
        }
        if (failures.Count > 0)
            throw new XunitException($"{what}: {failures.Count} of {expected.Length} values differ from the scalar reference:{Environment.NewLine}"
                + string.Join(Environment.NewLine, failures.Take(10)));
    }

    /// <summary><see cref="AssertClose"/> with the magnitude |expected|.</summary>
    public static void AssertRelative(double[] actual, double[] expected, double tolerance, string what, double absolute = 0) =>
        AssertClose(actual, expected, expected.Select(Math.Abs).ToArray(), tolerance, what, absolute);
}
