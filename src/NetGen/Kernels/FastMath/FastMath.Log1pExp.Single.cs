using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>ln(1 + e^x)</c> in float for x ≤ 0 (softplus's tail), accurate where it is nearly e^x.</summary>
    /// <remarks>
    /// <para>
    /// <see cref="Log1p(float)"/> of e = e^x, with the first-order effect tail/(1 + e) of what e's last
    /// rounding dropped (the tail of <see cref="ExpWithTail(float)"/>) added to its correction term before
    /// its last rounding, so that neither the exponential's error nor a rounding of its own carries
    /// through where ln(1 + e^x) ≈ e^x.
    /// </para>
    /// <para>
    /// Stated for x ≤ 0 only (the vector forms clamp the exponent from below alone). Maximum error:
    /// under 1 ulp; measured 0.81 ulp (FastMathAccuracyTests). ln(1 + e^±0) is ln 2 rounded,
    /// ln(1 + e^−∞) = 0, NaN gives NaN; results turn subnormal where e^x does, and are 0 where it is.
    /// </para>
    /// </remarks>
    public static float Log1pExp(float x)
    {
        var (e, tail) = ExpWithTail(x);
        return Log1p(e, tail);
    }

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pExp(Vector128<float> x) => SingleLog1pExp<Width128<float>, Vector128<float>>(x);

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1pExp(Vector256<float> x) => SingleLog1pExp<Width256<float>, Vector256<float>>(x);

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1pExp(Vector512<float> x) => SingleLog1pExp<Width512<float>, Vector512<float>>(x);

    /// <inheritdoc cref="Log1pExp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SingleLog1pExp<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        var (e, tail) = SingleExpWithTail<TWidth, TVector>(x, ExpRange.NonPositive);
        return SingleLog1p<TWidth, TVector>(e, tail);
    }
}
