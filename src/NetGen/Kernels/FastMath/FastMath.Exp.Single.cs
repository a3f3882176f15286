using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // e^x = 2^k · e^r with k = round(x / ln 2) and r = x − k·ln 2, |r| ≤ ln 2 / 2 (a hair more where
    // x·log2(e) rounds across a half). Adding 1.5·2^23 rounds x·log2(e) to an integer in the low
    // mantissa bits, so k comes out of the sum both as a float and as integer bits, without a
    // conversion instruction.
    private const float SingleLog2E = 1.442695f;
    private const float SingleRoundingShift = 12582912f;                 // 1.5·2^23

    // ln 2 in two parts (Cody and Waite): x − k·Ln2High is exact (under a fused multiply-add, and
    // because |k| < 2^8), so r carries only the rounding of the second step.
    private const float SingleLn2High = 0.6931472f;
    private const float SingleLn2Low = -1.9046542e-09f;

    // Beyond these every result is 0 or +∞ anyway; clamping keeps k small enough for the two-step
    // scaling below while still producing them (e^−110 is under half the smallest subnormal, and
    // e^89 is over float.MaxValue).
    private const float SingleExpLowest = -110f;
    private const float SingleExpHighest = 89f;

    // e^r − 1 − r − r²/2 ≈ r³·(C3 + C4·r + C5·r² + C6·r³) on |r| ≤ 1.002·ln 2 / 2, fitted to
    // minimize the relative error of e^r (max 2^−28, a sixteenth of a float ulp).
    private const float SingleExpC3 = 0.16666533f;
    private const float SingleExpC4 = 0.04166724f;
    private const float SingleExpC5 = 0.008367611f;
    private const float SingleExpC6 = 0.0013863676f;

    // The bits of the rounding shift, less 2·128 so that u = k + 256 is never negative and can be
    // halved with a logical shift (an arithmetic one is not available for every lane type).
    private const int SingleScaleBias = 0x4B400000 - 256;

    /// <summary>
    /// <c>e^x</c> in float, within 1 ulp of the exact value (measured maximum: see the remarks).
    /// </summary>
    /// <remarks>
    /// <para>
    /// e^x = 2^k·(1 + s), where k = round(x·log₂e), r = x − k·ln 2 (two-constant Cody–Waite
    /// reduction with fused multiply-adds) and s = r + r²·P(r) for a degree-4 minimax P, so that
    /// |r| ≤ ln 2 / 2. The final 2^k·(1 + s) is one fused multiply-add by 2^⌊k/2⌋ followed by an
    /// exact multiplication by 2^(k−⌊k/2⌋), so that k down to −159 and up to 128 scales without an
    /// exponent overflow.
    /// </para>
    /// <para>
    /// Maximum error: MAXULP_EXP_SINGLE ulp over the whole range (results from 2^−126 to float.MaxValue); results
    /// in the subnormal range (x below about −87.3) are rounded twice, within 1 ulp of the subnormal
    /// spacing. e^x is +∞ for x above about 88.72, 0 for x below about −103.97; e^±0 = 1,
    /// e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static float Exp(float x)
    {
        if (float.IsNaN(x))
            return x;
        float clamped = Math.Clamp(x, SingleExpLowest, SingleExpHighest);
        float t = MathF.FusedMultiplyAdd(clamped, SingleLog2E, SingleRoundingShift);
        float k = t - SingleRoundingShift;
        float r = MathF.FusedMultiplyAdd(k, -SingleLn2High, clamped);
        r = MathF.FusedMultiplyAdd(k, -SingleLn2Low, r);
        float p = MathF.FusedMultiplyAdd(SingleExpC6, r, SingleExpC5);
        p = MathF.FusedMultiplyAdd(p, r, SingleExpC4);
        p = MathF.FusedMultiplyAdd(p, r, SingleExpC3);
        p = MathF.FusedMultiplyAdd(p, r, 0.5f);
        float s = MathF.FusedMultiplyAdd(p, r * r, r);
        int u = BitConverter.SingleToInt32Bits(t) - SingleScaleBias;
        int half = u >>> 1;
        float scale1 = BitConverter.Int32BitsToSingle((half - 1) << 23);
        float scale2 = BitConverter.Int32BitsToSingle((u - half - 1) << 23);
        return MathF.FusedMultiplyAdd(s, scale1, scale1) * scale2;
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        Vector128<float> clamped = Vector128.ClampNative(x, Vector128.Create(SingleExpLowest), Vector128.Create(SingleExpHighest));
        Vector128<float> t = Vector128.FusedMultiplyAdd(clamped, Vector128.Create(SingleLog2E), Vector128.Create(SingleRoundingShift));
        Vector128<float> k = t - Vector128.Create(SingleRoundingShift);
        Vector128<float> r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-SingleLn2High), clamped);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-SingleLn2Low), r);
        Vector128<float> p = Vector128.FusedMultiplyAdd(Vector128.Create(SingleExpC6), r, Vector128.Create(SingleExpC5));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(SingleExpC4));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(SingleExpC3));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5f));
        Vector128<float> s = Vector128.FusedMultiplyAdd(p, r * r, r);
        Vector128<int> u = t.AsInt32() - Vector128.Create(SingleScaleBias);
        Vector128<int> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<float> scale1 = Vector128.ShiftLeft(half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> scale2 = Vector128.ShiftLeft(u - half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> result = Vector128.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector128.ConditionalSelect(Vector128.IsNaN(x), x, result);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        Vector256<float> clamped = Vector256.ClampNative(x, Vector256.Create(SingleExpLowest), Vector256.Create(SingleExpHighest));
        Vector256<float> t = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(SingleLog2E), Vector256.Create(SingleRoundingShift));
        Vector256<float> k = t - Vector256.Create(SingleRoundingShift);
        Vector256<float> r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-SingleLn2High), clamped);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-SingleLn2Low), r);
        Vector256<float> p = Vector256.FusedMultiplyAdd(Vector256.Create(SingleExpC6), r, Vector256.Create(SingleExpC5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(SingleExpC4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(SingleExpC3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5f));
        Vector256<float> s = Vector256.FusedMultiplyAdd(p, r * r, r);
        Vector256<int> u = t.AsInt32() - Vector256.Create(SingleScaleBias);
        Vector256<int> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<float> scale1 = Vector256.ShiftLeft(half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> scale2 = Vector256.ShiftLeft(u - half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> result = Vector256.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector256.ConditionalSelect(Vector256.IsNaN(x), x, result);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        Vector512<float> clamped = Vector512.ClampNative(x, Vector512.Create(SingleExpLowest), Vector512.Create(SingleExpHighest));
        Vector512<float> t = Vector512.FusedMultiplyAdd(clamped, Vector512.Create(SingleLog2E), Vector512.Create(SingleRoundingShift));
        Vector512<float> k = t - Vector512.Create(SingleRoundingShift);
        Vector512<float> r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-SingleLn2High), clamped);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-SingleLn2Low), r);
        Vector512<float> p = Vector512.FusedMultiplyAdd(Vector512.Create(SingleExpC6), r, Vector512.Create(SingleExpC5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(SingleExpC4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(SingleExpC3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5f));
        Vector512<float> s = Vector512.FusedMultiplyAdd(p, r * r, r);
        Vector512<int> u = t.AsInt32() - Vector512.Create(SingleScaleBias);
        Vector512<int> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<float> scale1 = Vector512.ShiftLeft(half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> scale2 = Vector512.ShiftLeft(u - half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> result = Vector512.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector512.ConditionalSelect(Vector512.IsNaN(x), x, result);
    }
}
