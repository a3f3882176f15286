using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // ln(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with s = f / (2 + f) and R fdlibm's minimax fit (Lg1…):
    // relative error under 2^−58.45 on |s| ≤ 0.1716, that is f from √½ − 1 to √2 − 1.
    private const double DoubleLog1pC1 = 6.666666666666735130e-01;
    private const double DoubleLog1pC2 = 3.999999999940941908e-01;
    private const double DoubleLog1pC3 = 2.857142874366239149e-01;
    private const double DoubleLog1pC4 = 2.222219843214978396e-01;
    private const double DoubleLog1pC5 = 1.818357216161805012e-01;
    private const double DoubleLog1pC6 = 1.531383769920937332e-01;
    private const double DoubleLog1pC7 = 1.479819860511658591e-01;

    // ln 2 in two parts, the high part short enough that k·Ln2High is exact.
    private const double DoubleLn2HighForLog = 6.93147180369123816490e-01;
    private const double DoubleLn2LowForLog = 1.90821492927058770002e-10;

    // √2 − 1: above it, 1 + x is halved into [√½, √2).
    private const double DoubleLog1pSplit = 0.41421356237309503;

    /// <summary><c>ln(1 + x)</c> in double for 0 ≤ x ≤ 1 (softplus's e^−|x|), accurate near 0 where ln(1 + x) would lose x's bits.</summary>
    /// <remarks>
    /// <para>
    /// Up to √2 − 1, f = x itself and ln(1 + x) = ln(1 + f) as above. Beyond, u = 1 + x is rounded, its
    /// rounding error c = x − (u − 1) kept exactly (Fast2Sum, 1 ≥ x), and ln(1 + x) = ln 2 + ln(1 + f) + c/u
    /// with f = u/2 − 1, exact.
    /// </para>
    /// <para>
    /// Stated for 0 ≤ x ≤ 1 only, the range softplus calls it on. Maximum error: under 1 ulp; measured
    /// 0.83 ulp (FastMathAccuracyTests), near the halving at √2 − 1. ln(1 ± 0) = ±0, subnormal x gives
    /// x, NaN gives NaN.
    /// </para>
    /// </remarks>
    public static double Log1p(double x) => Log1p(x, 0.0);

    /// <summary>
    /// <c>ln(1 + x + xTail)</c> for a tail far below x's ulp (what a rounding of x dropped): <see cref="Log1p(double)"/>
    /// with xTail/(1 + x), its first-order effect, added to the correction term, before the last rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1p(double x, double xTail)
    {
        bool halved = x > DoubleLog1pSplit;
        double u = 1.0 + x;
        double f = halved ? u * 0.5 - 1.0 : x;
        double k = halved ? 1.0 : 0.0;
        double correction = ((halved ? x - (u - 1.0) : 0.0) + xTail) / u;
        double s = f / (2.0 + f);
        double z = s * s;
        double halfSquare = 0.5 * f * f;
        double r = z * Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(Math.FusedMultiplyAdd(DoubleLog1pC7, z, DoubleLog1pC6), z, DoubleLog1pC5), z, DoubleLog1pC4), z, DoubleLog1pC3), z, DoubleLog1pC2), z, DoubleLog1pC1);
        double low = Math.FusedMultiplyAdd(s, halfSquare + r, Math.FusedMultiplyAdd(k, DoubleLn2LowForLog, correction));
        // The sum with k·ln 2 turns ln(1 − 0) into +0; the result has x's sign everywhere else.
        return Math.CopySign(Math.FusedMultiplyAdd(k, DoubleLn2HighForLog, f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1p(Vector128<double> x) => DoubleLog1p<Width128<double>, Vector128<double>>(x, Vector128<double>.Zero);

    /// <inheritdoc cref="Log1p(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1p(Vector256<double> x) => DoubleLog1p<Width256<double>, Vector256<double>>(x, Vector256<double>.Zero);

    /// <inheritdoc cref="Log1p(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1p(Vector512<double> x) => DoubleLog1p<Width512<double>, Vector512<double>>(x, Vector512<double>.Zero);

    /// <inheritdoc cref="Log1p(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleLog1p<TWidth, TVector>(TVector x, TVector xTail)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector halved = TWidth.GreaterThan(x, TWidth.Broadcast(DoubleLog1pSplit));
        TVector u = TWidth.Add(TWidth.One, x);
        TVector f = TWidth.ConditionalSelect(halved, TWidth.Subtract(TWidth.Multiply(u, TWidth.Broadcast(0.5)), TWidth.One), x);
        TVector k = TWidth.ConditionalSelect(halved, TWidth.One, TWidth.Zero);
        TVector correction = TWidth.Divide(
            TWidth.Add(TWidth.ConditionalSelect(halved, TWidth.Subtract(x, TWidth.Subtract(u, TWidth.One)), TWidth.Zero), xTail),
            u);
        TVector s = TWidth.Divide(f, TWidth.Add(TWidth.Broadcast(2.0), f));
        TVector z = TWidth.Multiply(s, s);
        TVector halfSquare = TWidth.Multiply(TWidth.Multiply(TWidth.Broadcast(0.5), f), f);
        TVector r = TWidth.Multiply(
            z,
            TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleLog1pC7), z, TWidth.Broadcast(DoubleLog1pC6)), z, TWidth.Broadcast(DoubleLog1pC5)), z, TWidth.Broadcast(DoubleLog1pC4)), z, TWidth.Broadcast(DoubleLog1pC3)), z, TWidth.Broadcast(DoubleLog1pC2)), z, TWidth.Broadcast(DoubleLog1pC1)));
        TVector low = TWidth.FusedMultiplyAdd(
            s,
            TWidth.Add(halfSquare, r),
            TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(DoubleLn2LowForLog), correction));
        return TWidth.CopySign(
            TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(DoubleLn2HighForLog), TWidth.Subtract(f, TWidth.Subtract(halfSquare, low))),
            x);
    }
}
