using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>ln(1 + e^x)</c> in double for x ≤ 0 (softplus's tail), accurate where it is nearly e^x.</summary>
    /// <remarks>
    /// <para>
    /// <see cref="Log1p(double)"/> of e = e^x, plus the first-order correction tail/(1 + e) for what e's last
    /// rounding dropped (the tail of <see cref="ExpWithTail(double)"/>), so that the exponential's error does
    /// not carry through where ln(1 + e^x) ≈ e^x.
    /// </para>
    /// <para>
    /// Stated for x ≤ 0 only (the vector forms clamp the exponent from below alone). Maximum error:
    /// 1.3 ulp; measured 1.26 ulp (FastMathAccuracyTests), where Log1p's error and the rounding of the
    /// correction add up. ln(1 + e^±0) is ln 2 rounded, ln(1 + e^−∞) = 0, NaN gives NaN; results turn
    /// subnormal where e^x does, and are 0 where it is.
    /// </para>
    /// </remarks>
    public static double Log1pExp(double x)
    {
        var (e, tail) = ExpWithTail(x);
        return Log1p(e) + tail / (1.0 + e);
    }

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1pExp(Vector128<double> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector128<double>.One + e);
    }

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1pExp(Vector256<double> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector256<double>.One + e);
    }

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1pExp(Vector512<double> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector512<double>.One + e);
    }
}
