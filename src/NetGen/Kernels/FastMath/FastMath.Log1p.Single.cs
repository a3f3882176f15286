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
    public static Vector128<float> Log1p(Vector128<float> x) => Log1p(x, Vector128<float>.Zero);

    /// <inheritdoc cref="Log1p(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Log1p(Vector128<float> x, Vector128<float> xTail)
    {
        Vector128<float> halved = Vector128.GreaterThan(x, Vector128.Create(SingleLog1pSplit));
        Vector128<float> u = Vector128<float>.One + x;
        Vector128<float> f = Vector128.ConditionalSelect(halved, u * Vector128.Create(0.5f) - Vector128<float>.One, x);
        Vector128<float> k = Vector128.ConditionalSelect(halved, Vector128<float>.One, Vector128<float>.Zero);
        Vector128<float> correction = (Vector128.ConditionalSelect(halved, x - (u - Vector128<float>.One), Vector128<float>.Zero) + xTail) / u;
        Vector128<float> s = f / (Vector128.Create(2f) + f);
        Vector128<float> z = s * s;
        Vector128<float> halfSquare = Vector128.Create(0.5f) * f * f;
        Vector128<float> r = z * Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(Vector128.Create(SingleLog1pC4), z, Vector128.Create(SingleLog1pC3)), z, Vector128.Create(SingleLog1pC2)), z, Vector128.Create(SingleLog1pC1));
        Vector128<float> low = Vector128.FusedMultiplyAdd(s, halfSquare + r, Vector128.FusedMultiplyAdd(k, Vector128.Create(SingleLn2LowForLog), correction));
        return Vector128.CopySign(Vector128.FusedMultiplyAdd(k, Vector128.Create(SingleLn2HighForLog), f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1p(Vector256<float> x) => Log1p(x, Vector256<float>.Zero);

    /// <inheritdoc cref="Log1p(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Log1p(Vector256<float> x, Vector256<float> xTail)
    {
        Vector256<float> halved = Vector256.GreaterThan(x, Vector256.Create(SingleLog1pSplit));
        Vector256<float> u = Vector256<float>.One + x;
        Vector256<float> f = Vector256.ConditionalSelect(halved, u * Vector256.Create(0.5f) - Vector256<float>.One, x);
        Vector256<float> k = Vector256.ConditionalSelect(halved, Vector256<float>.One, Vector256<float>.Zero);
        Vector256<float> correction = (Vector256.ConditionalSelect(halved, x - (u - Vector256<float>.One), Vector256<float>.Zero) + xTail) / u;
        Vector256<float> s = f / (Vector256.Create(2f) + f);
        Vector256<float> z = s * s;
        Vector256<float> halfSquare = Vector256.Create(0.5f) * f * f;
        Vector256<float> r = z * Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.Create(SingleLog1pC4), z, Vector256.Create(SingleLog1pC3)), z, Vector256.Create(SingleLog1pC2)), z, Vector256.Create(SingleLog1pC1));
        Vector256<float> low = Vector256.FusedMultiplyAdd(s, halfSquare + r, Vector256.FusedMultiplyAdd(k, Vector256.Create(SingleLn2LowForLog), correction));
        return Vector256.CopySign(Vector256.FusedMultiplyAdd(k, Vector256.Create(SingleLn2HighForLog), f - (halfSquare - low)), x);
    }

    /// <inheritdoc cref="Log1p(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1p(Vector512<float> x) => Log1p(x, Vector512<float>.Zero);

    /// <inheritdoc cref="Log1p(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Log1p(Vector512<float> x, Vector512<float> xTail)
    {
        Vector512<float> halved = Vector512.GreaterThan(x, Vector512.Create(SingleLog1pSplit));
        Vector512<float> u = Vector512<float>.One + x;
        Vector512<float> f = Vector512.ConditionalSelect(halved, u * Vector512.Create(0.5f) - Vector512<float>.One, x);
        Vector512<float> k = Vector512.ConditionalSelect(halved, Vector512<float>.One, Vector512<float>.Zero);
        Vector512<float> correction = (Vector512.ConditionalSelect(halved, x - (u - Vector512<float>.One), Vector512<float>.Zero) + xTail) / u;
        Vector512<float> s = f / (Vector512.Create(2f) + f);
        Vector512<float> z = s * s;
        Vector512<float> halfSquare = Vector512.Create(0.5f) * f * f;
        Vector512<float> r = z * Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.FusedMultiplyAdd(Vector512.Create(SingleLog1pC4), z, Vector512.Create(SingleLog1pC3)), z, Vector512.Create(SingleLog1pC2)), z, Vector512.Create(SingleLog1pC1));
        Vector512<float> low = Vector512.FusedMultiplyAdd(s, halfSquare + r, Vector512.FusedMultiplyAdd(k, Vector512.Create(SingleLn2LowForLog), correction));
        return Vector512.CopySign(Vector512.FusedMultiplyAdd(k, Vector512.Create(SingleLn2HighForLog), f - (halfSquare - low)), x);
    }
}
