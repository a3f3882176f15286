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
    public static Vector128<double> Log1p(Vector128<double> x) => Log1p(x, Vector128<double>.Zero);

    /// <inheritdoc cref="Log1p(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Log1p(Vector128<double> x, Vector128<double> xTail)
    {
        Vector128<double> halved = Vector128.GreaterThan(x, Vector128.Create(DoubleLog1pSplit));
        Vector128<double> u = Vector128<double>.One + x;
        Vector128<double> f = Vector128.ConditionalSelect(halved, u * Vector128.Create(0.5) - Vector128<double>.One, x);
        Vector128<double> k = Vector128.ConditionalSelect(halved, Vector128<double>.One, Vector128<double>.Zero);
        Vector128<double> correction = (Vector128.ConditionalSelect(halved, x - (u - Vector128<double>.One), Vector128<double>.Zero) + xTail) / u;
        Vector128<double> s = f / (Vector128.Create(2.0) + f);
        Vector128<double> z = s * s;
        Vector128<double> halfSquare = Vector128.Create(0.5) * f * f;
        Vector128<double> r = z * Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.Create(DoubleLog1pC7), z, Vector128.Create(DoubleLog1pC6)), z, Vector128.Create(DoubleLog1pC5)), z, Vector128.Create(DoubleLog1pC4)), z, Vector128.Create(DoubleLog1pC3)), z, Vector128.Create(DoubleLog1pC2)), z, Vector128.Create(DoubleLog1pC1));
        Vector128<double> low = Vector128.FusedMultiplyAdd(s, halfSquare + r, Vector128.FusedMultiplyAdd(k, Vector128.Create(DoubleLn2LowForLog), correction));
        return Vector128.CopySign(Vector128.FusedMultiplyAdd(k, Vector128.Create(DoubleLn2HighForLog), f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log1p(Vector256<double> x) => Log1p(x, Vector256<double>.Zero);

    /// <inheritdoc cref="Log1p(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log1p(Vector256<double> x, Vector256<double> xTail)
    {
        Vector256<double> halved = Vector256.GreaterThan(x, Vector256.Create(DoubleLog1pSplit));
        Vector256<double> u = Vector256<double>.One + x;
        Vector256<double> f = Vector256.ConditionalSelect(halved, u * Vector256.Create(0.5) - Vector256<double>.One, x);
        Vector256<double> k = Vector256.ConditionalSelect(halved, Vector256<double>.One, Vector256<double>.Zero);
        Vector256<double> correction = (Vector256.ConditionalSelect(halved, x - (u - Vector256<double>.One), Vector256<double>.Zero) + xTail) / u;
        Vector256<double> s = f / (Vector256.Create(2.0) + f);
        Vector256<double> z = s * s;
        Vector256<double> halfSquare = Vector256.Create(0.5) * f * f;
        Vector256<double> r = z * Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(DoubleLog1pC7), z, Vector256.Create(DoubleLog1pC6)), z, Vector256.Create(DoubleLog1pC5)), z, Vector256.Create(DoubleLog1pC4)), z, Vector256.Create(DoubleLog1pC3)), z, Vector256.Create(DoubleLog1pC2)), z, Vector256.Create(DoubleLog1pC1));
        Vector256<double> low = Vector256.FusedMultiplyAdd(s, halfSquare + r, Vector256.FusedMultiplyAdd(k, Vector256.Create(DoubleLn2LowForLog), correction));
        return Vector256.CopySign(Vector256.FusedMultiplyAdd(k, Vector256.Create(DoubleLn2HighForLog), f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log1p(Vector512<double> x) => Log1p(x, Vector512<double>.Zero);

    /// <inheritdoc cref="Log1p(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log1p(Vector512<double> x, Vector512<double> xTail)
    {
        Vector512<double> halved = Vector512.GreaterThan(x, Vector512.Create(DoubleLog1pSplit));
        Vector512<double> u = Vector512<double>.One + x;
        Vector512<double> f = Vector512.ConditionalSelect(halved, u * Vector512.Create(0.5) - Vector512<double>.One, x);
        Vector512<double> k = Vector512.ConditionalSelect(halved, Vector512<double>.One, Vector512<double>.Zero);
        Vector512<double> correction = (Vector512.ConditionalSelect(halved, x - (u - Vector512<double>.One), Vector512<double>.Zero) + xTail) / u;
        Vector512<double> s = f / (Vector512.Create(2.0) + f);
        Vector512<double> z = s * s;
        Vector512<double> halfSquare = Vector512.Create(0.5) * f * f;
        Vector512<double> r = z * Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(DoubleLog1pC7), z, Vector512.Create(DoubleLog1pC6)), z, Vector512.Create(DoubleLog1pC5)), z, Vector512.Create(DoubleLog1pC4)), z, Vector512.Create(DoubleLog1pC3)), z, Vector512.Create(DoubleLog1pC2)), z, Vector512.Create(DoubleLog1pC1));
        Vector512<double> low = Vector512.FusedMultiplyAdd(s, halfSquare + r, Vector512.FusedMultiplyAdd(k, Vector512.Create(DoubleLn2LowForLog), correction));
        return Vector512.CopySign(Vector512.FusedMultiplyAdd(k, Vector512.Create(DoubleLn2HighForLog), f - (halfSquare - low)), x);
    }
}
