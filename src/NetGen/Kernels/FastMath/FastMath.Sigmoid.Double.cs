using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>σ(x) = 1 / (1 + e^−x)</c> in double, within MAXULP_SIG_DOUBLE ulp of the exact value.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Computed as 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x &lt; 0, with e = e^−|x| from
    /// <see cref="Exp(double)"/>: e never exceeds 1, so nothing overflows, and for large negative x,
    /// where σ(x) ≈ e^x is tiny, the result keeps its relative accuracy instead of being the
    /// difference of two numbers near 1.
    /// </para>
    /// <para>
    /// Maximum error: MAXULP_SIG_DOUBLE ulp; results below the smallest normal double (x below about −708.4)
    /// are subnormal, within 1 ulp of the subnormal spacing, and 0 for x below about −745.13.
    /// σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
    /// </para>
    /// </remarks>
    public static double Sigmoid(double x)
    {
        // −|x| by setting the sign bit, as the vector forms do, so that even a NaN's bits agree.
        double e = Exp(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) | long.MinValue));
        double numerator = x >= 0 ? 1.0 : e;
        return numerator / (1.0 + e);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sigmoid(Vector128<double> x)
    {
        Vector128<double> e = Exp(x | Vector128.Create(-0.0));
        Vector128<double> numerator = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), Vector128<double>.One, e);
        return numerator / (Vector128<double>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> x)
    {
        Vector256<double> e = Exp(x | Vector256.Create(-0.0));
        Vector256<double> numerator = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), Vector256<double>.One, e);
        return numerator / (Vector256<double>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sigmoid(Vector512<double> x)
    {
        Vector512<double> e = Exp(x | Vector512.Create(-0.0));
        Vector512<double> numerator = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), Vector512<double>.One, e);
        return numerator / (Vector512<double>.One + e);
    }
}
