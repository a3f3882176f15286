using System;
using System.Numerics;
using Xunit.Sdk;

namespace NetGen.Onnx.Tests.Support;

/// <summary>
/// How close ONNX Runtime's outputs must be to NetGen's: |onnx − netgen| ≤ relative·|onnx| + absolute. The two
/// compute the same formulas with different kernels (summation order in Gemm, their own exp, tanh and erf),
/// so they agree to a few roundings, not bit for bit.
/// </summary>
public static class Tolerance
{
    /// <summary>
    /// Float: 1e-5 relative is about 80 ulp (2⁻²⁴ ≈ 6e-8), room for the rounding of a dot product of up to a few
    /// hundred terms and of each activation's approximation, amplified through a few layers; 1e-6 absolute covers
    /// outputs near zero that come from cancelling sums of terms of order one.
    /// Double: the same reasoning at 2⁻⁵³ ≈ 1.1e-16 gives 1e-12 relative and 1e-14 absolute.
    /// </summary>
    public static (double Relative, double Absolute) For<T>() =>
        typeof(T) == typeof(float) ? (1e-5, 1e-6) : (1e-12, 1e-14);

    /// <summary>
    /// Fails, naming the first row and column out of tolerance and the largest error, unless every value agrees.
    /// Inputs wider than ±10 widen the allowance in proportion: a Gemm's rounding error is proportional to Σ|w·x|,
    /// and a Softmax turns its logits' absolute error into its outputs' relative error.
    /// </summary>
    public static void AssertClose<T>(T[] expected, T[] actual, int columns, double inputRange, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        (double relative, double absolute) = For<T>();
        double widening = Math.Max(1, inputRange / 10);
        (relative, absolute) = (relative * widening, absolute * widening);
        if (expected.Length != actual.Length)
            throw new XunitException($"{what}: {actual.Length} values; expected {expected.Length}.");
        double worst = 0;
        int first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            double error = Math.Abs(a - e), allowed = relative * Math.Abs(e) + absolute;
            if (!(error <= allowed) && first < 0)
                first = i;
            worst = Math.Max(worst, error / allowed);
        }
        if (first >= 0)
            throw new XunitException(
                $"{what}: row {first / columns}, column {first % columns}: NetGen {actual[first]:R}, ONNX Runtime {expected[first]:R} "
                + $"(allowed {relative:G2} relative + {absolute:G2} absolute; the worst error is {worst:G3} times the allowance).");
    }
}
