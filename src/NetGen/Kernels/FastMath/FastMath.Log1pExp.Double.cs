using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>ln(1 + e^x)</c> in double for x ≤ 0 (softplus's tail), accurate where it is nearly e^x.</summary>
    /// <remarks>
    /// <para>
    /// <see cref="Log1p(double)"/> of e = e^x, with the first-order effect tail/(1 + e) of what e's last
    /// rounding dropped (the tail of <see cref="ExpWithTail(double)"/>) added to its correction term before
    /// its last rounding, so that neither the exponential's error nor a rounding of its own carries
    /// through where ln(1 + e^x) ≈ e^x.
    /// </para>
    /// <para>
    /// Stated for x ≤ 0 only (the vector forms clamp the exponent from below alone). Maximum error:
    /// under 1 ulp; measured 0.78 ulp (FastMathAccuracyTests). ln(1 + e^±0) is ln 2 rounded,
    /// ln(1 + e^−∞) = 0, NaN gives NaN; results turn subnormal where e^x does, and are 0 where it is.
    /// </para>
    /// </remarks>
    public static double Log1pExp(double x)
    {
        var (e, tail) = ExpWithTail(x);
        return Log1p(e, tail);
    }

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1pExp(Vector128<double> x) => DoubleLog1pExp<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1pExp(Vector256<double> x) => DoubleLog1pExp<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1pExp(Vector512<double> x) => DoubleLog1pExp<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="Log1pExp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleLog1pExp<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        var (e, tail) = DoubleExpWithTail<TWidth, TVector>(x, ExpRange.NonPositive);
        return DoubleLog1p<TWidth, TVector>(e, tail);
    }
}
