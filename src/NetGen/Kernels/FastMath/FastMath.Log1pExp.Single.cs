using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>ln(1 + e^x)</c> in float for x ≤ 0 (softplus's tail), accurate where it is nearly e^x.</summary>
    /// <remarks>
    /// <para>
    /// <see cref="Log1p(float)"/> of e = e^x, plus the first-order correction tail/(1 + e) for what e's last
    /// rounding dropped (the tail of <see cref="ExpWithTail(float)"/>), so that the exponential's error does
    /// not carry through where ln(1 + e^x) ≈ e^x.
    /// </para>
    /// <para>
    /// Stated for x ≤ 0 only (the vector forms clamp the exponent from below alone). Maximum error:
    /// 1.3 ulp; measured 1.23 ulp (FastMathAccuracyTests), where Log1p's error and the rounding of the
    /// correction add up. ln(1 + e^±0) is ln 2 rounded, ln(1 + e^−∞) = 0, NaN gives NaN; results turn
    /// subnormal where e^x does, and are 0 where it is.
    /// </para>
    /// </remarks>
    public static float Log1pExp(float x)
    {
        var (e, tail) = ExpWithTail(x);
        return Log1p(e) + tail / (1f + e);
    }

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pExp(Vector128<float> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector128<float>.One + e);
    }

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1pExp(Vector256<float> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector256<float>.One + e);
    }

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1pExp(Vector512<float> x)
    {
        var (e, tail) = ExpWithTail(x, ExpRange.NonPositive);
        return Log1p(e) + tail / (Vector512<float>.One + e);
    }
}
