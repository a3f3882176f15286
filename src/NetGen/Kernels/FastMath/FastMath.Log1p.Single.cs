using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // ln(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with s = f / (2 + f) and R fdlibm's minimax fit (Lg1…):
    // relative error under 2^−34 on |s| ≤ 0.1716, that is f from √½ − 1 to √2 − 1.
    private const float SingleLog1pC1 = 0.6666666269302368f;
    private const float SingleLog1pC2 = 0.40000972151756287f;
    private const float SingleLog1pC3 = 0.2849878668785095f;
    private const float SingleLog1pC4 = 0.24279078841209412f;

    // ln 2 in two parts, the high part short enough that k·Ln2High is exact.
    private const float SingleLn2HighForLog = 0.6931381f;
    private const float SingleLn2LowForLog = 9.058001e-06f;

    // √2 − 1: above it, 1 + x is halved into [√½, √2).
    private const float SingleLog1pSplit = 0.41421357f;

    /// <summary><c>ln(1 + x)</c> in float for 0 ≤ x ≤ 1 (softplus's e^−|x|), accurate near 0 where ln(1 + x) would lose x's bits.</summary>
    /// <remarks>
    /// <para>
    /// Up to √2 − 1, f = x itself and ln(1 + x) = ln(1 + f) as above. Beyond, u = 1 + x is rounded, its
    /// rounding error c = x − (u − 1) kept exactly (Fast2Sum, 1 ≥ x), and ln(1 + x) = ln 2 + ln(1 + f) + c/u
    /// with f = u/2 − 1, exact.
    /// </para>
    /// <para>
    /// Stated for 0 ≤ x ≤ 1 only, the range softplus calls it on. Maximum error: under 1 ulp; measured
    /// 0.81 ulp (FastMathAccuracyTests), near the halving at √2 − 1. ln(1 ± 0) = ±0, subnormal x gives
    /// x, NaN gives NaN.
    /// </para>
    /// </remarks>
    public static float Log1p(float x) => Log1p(x, 0f);

    /// <summary>
    /// <c>ln(1 + x + xTail)</c> for a tail far below x's ulp (what a rounding of x dropped): <see cref="Log1p(float)"/>
    /// with xTail/(1 + x), its first-order effect, added to the correction term, before the last rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Log1p(float x, float xTail)
    {
        bool halved = x > SingleLog1pSplit;
        float u = 1f + x;
        float f = halved ? u * 0.5f - 1f : x;
        float k = halved ? 1f : 0f;
        float correction = ((halved ? x - (u - 1f) : 0f) + xTail) / u;
        float s = f / (2f + f);
        float z = s * s;
        float halfSquare = 0.5f * f * f;
        float r = z * MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(SingleLog1pC4, z, SingleLog1pC3), z, SingleLog1pC2), z, SingleLog1pC1);
        float low = MathF.FusedMultiplyAdd(s, halfSquare + r, MathF.FusedMultiplyAdd(k, SingleLn2LowForLog, correction));
        // The sum with k·ln 2 turns ln(1 − 0) into +0; the result has x's sign everywhere else.
        return MathF.CopySign(MathF.FusedMultiplyAdd(k, SingleLn2HighForLog, f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1p(Vector128<float> x) => SingleLog1p<Width128<float>, Vector128<float>>(x, Vector128<float>.Zero);

    /// <inheritdoc cref="Log1p(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1p(Vector256<float> x) => SingleLog1p<Width256<float>, Vector256<float>>(x, Vector256<float>.Zero);

    /// <inheritdoc cref="Log1p(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1p(Vector512<float> x) => SingleLog1p<Width512<float>, Vector512<float>>(x, Vector512<float>.Zero);

    /// <inheritdoc cref="Log1p(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SingleLog1p<TWidth, TVector>(TVector x, TVector xTail)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector halved = TWidth.GreaterThan(x, TWidth.Broadcast(SingleLog1pSplit));
        TVector u = TWidth.Add(TWidth.One, x);
        TVector f = TWidth.ConditionalSelect(halved, TWidth.Subtract(TWidth.Multiply(u, TWidth.Broadcast(0.5f)), TWidth.One), x);
        TVector k = TWidth.ConditionalSelect(halved, TWidth.One, TWidth.Zero);
        TVector correction = TWidth.Divide(
            TWidth.Add(TWidth.ConditionalSelect(halved, TWidth.Subtract(x, TWidth.Subtract(u, TWidth.One)), TWidth.Zero), xTail),
            u);
        TVector s = TWidth.Divide(f, TWidth.Add(TWidth.Broadcast(2f), f));
        TVector z = TWidth.Multiply(s, s);
        TVector halfSquare = TWidth.Multiply(TWidth.Multiply(TWidth.Broadcast(0.5f), f), f);
        TVector r = TWidth.Multiply(
            z,
            TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.FusedMultiplyAdd(TWidth.Broadcast(SingleLog1pC4), z, TWidth.Broadcast(SingleLog1pC3)), z, TWidth.Broadcast(SingleLog1pC2)), z, TWidth.Broadcast(SingleLog1pC1)));
        TVector low = TWidth.FusedMultiplyAdd(
            s,
            TWidth.Add(halfSquare, r),
            TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(SingleLn2LowForLog), correction));
        return TWidth.CopySign(
            TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(SingleLn2HighForLog), TWidth.Subtract(f, TWidth.Subtract(halfSquare, low))),
            x);
    }
}
