using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // e^x = 2^k·e^r with k = round(x·log₂e) and r = x − k·ln 2, |r| ≤ ln 2 / 2 (a hair more where
    // x·log₂e rounds across a half). Adding 1.5·2^23 rounds x·log₂e to an integer held in the low
    // mantissa bits, so k comes out of the sum both as a float and as integer bits, without a
    // conversion instruction.
    private const float SingleLog2E = 1.442695f;
    private const float SingleRoundingShift = 12582912f;                    // 1.5·2^23

    // ln 2 in two parts (Cody and Waite): x − k·Ln2High is exact under a fused multiply-add (|k| < 2^8
    // and Ln2High has 24 bits), so the reduction's only rounding is in the small k·Ln2Low.
    private const float SingleLn2High = 0.6931472f;
    private const float SingleLn2Low = -1.9046542e-09f;

    // Beyond these every result is 0 or +∞ anyway (e^−110 is under half the smallest subnormal,
    // e^89 over float.MaxValue); clamping keeps k within what the two-step scaling can represent.
    private const float SingleExpLowest = -110f;
    private const float SingleExpHighest = 89f;

    // e^r ≈ 1 + r + r²/2 + r³·(C3 + C4·r + C5·r² + C6·r³) on |r| ≤ 1.002·ln 2 / 2, a minimax fit of
    // the relative error (at most 2^−28, a sixteenth of an ulp).
    private const float SingleExpC3 = 0.16666533f;
    private const float SingleExpC4 = 0.04166724f;
    private const float SingleExpC5 = 0.008367611f;
    private const float SingleExpC6 = 0.0013863676f;

    // The bits of the rounding shift less 2·128, so that u = k + 256 is never negative and halves
    // with a logical shift.
    private const int SingleScaleBias = 0x4B400000 - 256;

    /// <summary><c>e^x</c> in float, within 1 ulp of the exact value (faithfully rounded).</summary>
    /// <remarks>
    /// <para>
    /// e^x = 2^k·e^r, where k = round(x·log₂e) and r = x − k·ln 2 (|r| ≤ ln 2 / 2, by a two-constant
    /// Cody–Waite reduction with fused multiply-adds), and e^r = 1 + r + r²/2 + r³·P(r) with P a
    /// degree-4 minimax polynomial evaluated in Estrin's order. 1 + r is carried as an exact head and
    /// tail, so that the one rounding that matters is the last: 2^k·(head + tail) as an exact sum of
    /// the two scaled by 2^⌊k/2⌋, rounded once, then
    /// an exact multiplication by 2^(k − ⌊k/2⌋), which lets k run from −159 to 128 without an exponent
    /// overflow.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp where e^x is a normal float (from 2^−126 to float.MaxValue);
    /// measured 0.71 ulp over every float argument.
    /// Below that (x under about −87.3) results are subnormal, rounded a second time to the
    /// subnormal spacing, and still within 1 ulp of that spacing (0.78 ulp measured); they are 0 for x
    /// under about −103.97, and +∞ for x over about 88.72. e^±0 = 1, e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static float Exp(float x) => ExpWithTail(x).Value;

    /// <summary>
    /// <c>e^x</c> as <see cref="Exp(float)"/> computes it, and an estimate of what its last rounding
    /// dropped: Value + Tail is e^x to about the accuracy of the polynomial, which lets sigmoid carry
    /// e^x past a rounding into its own arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Value, float Tail) ExpWithTail(float x)
    {
        if (float.IsNaN(x))
            return (x, 0f);
        var (head, headTail, polynomial, shifted) = ExpReduced(Math.Clamp(x, SingleExpLowest, SingleExpHighest));
        return ExpScaled(head, headTail, polynomial, shifted);
    }

    /// <summary>
    /// The scaling step of e^x: 2^k·(head + headTail + polynomial) from what <see cref="ExpReduced(float, bool)"/>
    /// returns, as <see cref="ExpWithTail(float)"/>'s Value and Tail, for a caller that has the reduction
    /// already and needs its parts as well (ExpM1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Value, float Tail) ExpScaled(float head, float headTail, float polynomial, float shifted)
    {
        float tail = polynomial + headTail;
        // 2^k = 2^⌊k/2⌋·2^(k−⌊k/2⌋), each factor built in the exponent bits and each normal for every
        // k the clamp allows, so that only the last multiplication can overflow or turn subnormal.
        int u = BitConverter.SingleToInt32Bits(shifted) - SingleScaleBias;
        int half = u >>> 1;
        float scale1 = BitConverter.Int32BitsToSingle((half - 1) << 23);
        float scale2 = BitConverter.Int32BitsToSingle((u - half - 1) << 23);
        // head·scale1 is exact, and |tail| < |head|, so scaled + scaledTail is headScaled + tailScaled
        // exactly (Fast2Sum). head·scale1 is ready long before the tail, so the critical path, which
        // runs through the tail, takes an addition here rather than a fused multiply-add.
        float headScaled = head * scale1;
        float tailScaled = tail * scale1;
        float scaled = headScaled + tailScaled;
        float scaledTail = (headScaled - scaled) + tailScaled;
        return (scaled * scale2, scaledTail * scale2);
    }

    /// <summary>
    /// The part of e^x that needs no scaling: e^x = 2^k·(Head + HeadTail + Polynomial), where
    /// k = round(x·log₂e) sits in the low mantissa bits of Shifted, r = x − k·ln 2 in two parts
    /// rHigh + rLow, Head + HeadTail = 1 + rHigh exactly, and Polynomial = r²·(1/2 + C3·r + …) + rLow.
    /// </summary>
    /// <remarks>
    /// <see cref="ExpWithTail(float)"/> scales the sum by 2^k; tanh divides the other side of its quotient
    /// by 2^k instead, which takes the scaling off its critical path.
    /// </remarks>
    /// <param name="x">The exponent, or half of it where <paramref name="doubled"/>.</param>
    /// <param name="doubled">
    /// Whether the exponent is 2x (tanh's): k then comes from x·(2·log₂e), the same bits as (2x)·log₂e
    /// since 2·log₂e and 2x are exact, one multiplication sooner.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Head, float HeadTail, float Polynomial, float Shifted) ExpReduced(float x, bool doubled = false)
    {
        float shifted = MathF.FusedMultiplyAdd(x, doubled ? 2f * SingleLog2E : SingleLog2E, SingleRoundingShift);
        float k = shifted - SingleRoundingShift;
        float rHigh = MathF.FusedMultiplyAdd(k, -SingleLn2High, doubled ? x + x : x);
        float rLow = k * -SingleLn2Low;
        float r = rHigh + rLow;
        // r²·(1/2 + C3·r + … + C6·r⁴) + rLow, in Estrin's order rather than Horner's: terms
        // paired by powers of r, a chain of three multiply-adds instead of five, since every one-sample
        // layer waits on this.
        float r2 = r * r;
        float low = MathF.FusedMultiplyAdd(SingleExpC3, r, 0.5f);
        float high = MathF.FusedMultiplyAdd(SingleExpC6, r2, MathF.FusedMultiplyAdd(SingleExpC5, r, SingleExpC4));
        float polynomial = MathF.FusedMultiplyAdd(high, r2 * r2, MathF.FusedMultiplyAdd(low, r2, rLow));
        float head = 1f + rHigh;
        return (head, (1f - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Value, Vector128<float> Tail) ExpWithTail(Vector128<float> x, ExpRange range = ExpRange.Any)
    {
        Vector128<float> clamped = range == ExpRange.NonPositive
            ? Vector128.MaxNative(x, Vector128.Create(SingleExpLowest))
            : Vector128.ClampNative(x, Vector128.Create(SingleExpLowest), Vector128.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(float, float, float, float)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Value, Vector128<float> Tail) ExpScaled(Vector128<float> x, Vector128<float> head, Vector128<float> headTail, Vector128<float> polynomial, Vector128<float> shifted)
    {
        Vector128<float> tail = polynomial + headTail;
        Vector128<int> u = shifted.AsInt32() - Vector128.Create(SingleScaleBias);
        Vector128<int> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<float> scale1 = Vector128.ShiftLeft(half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> scale2 = Vector128.ShiftLeft(u - half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> headScaled = head * scale1;
        Vector128<float> tailScaled = tail * scale1;
        Vector128<float> scaled = headScaled + tailScaled;
        Vector128<float> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector128.ConditionalSelect(Vector128.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(float, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Head, Vector128<float> HeadTail, Vector128<float> Polynomial, Vector128<float> Shifted) ExpReduced(Vector128<float> x, bool doubled = false)
    {
        Vector128<float> shifted = Vector128.FusedMultiplyAdd(x, Vector128.Create(doubled ? 2f * SingleLog2E : SingleLog2E), Vector128.Create(SingleRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(SingleRoundingShift);
        Vector128<float> rHigh = Vector128.FusedMultiplyAdd(k, Vector128.Create(-SingleLn2High), doubled ? x + x : x);
        Vector128<float> rLow = k * Vector128.Create(-SingleLn2Low);
        Vector128<float> r = rHigh + rLow;
        Vector128<float> r2 = r * r;
        Vector128<float> low = Vector128.FusedMultiplyAdd(Vector128.Create(SingleExpC3), r, Vector128.Create(0.5f));
        Vector128<float> high = Vector128.FusedMultiplyAdd(Vector128.Create(SingleExpC6), r2, Vector128.FusedMultiplyAdd(Vector128.Create(SingleExpC5), r, Vector128.Create(SingleExpC4)));
        Vector128<float> polynomial = Vector128.FusedMultiplyAdd(high, r2 * r2, Vector128.FusedMultiplyAdd(low, r2, rLow));
        Vector128<float> head = Vector128<float>.One + rHigh;
        return (head, (Vector128<float>.One - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Value, Vector256<float> Tail) ExpWithTail(Vector256<float> x, ExpRange range = ExpRange.Any)
    {
        Vector256<float> clamped = range == ExpRange.NonPositive
            ? Vector256.MaxNative(x, Vector256.Create(SingleExpLowest))
            : Vector256.ClampNative(x, Vector256.Create(SingleExpLowest), Vector256.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(float, float, float, float)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Value, Vector256<float> Tail) ExpScaled(Vector256<float> x, Vector256<float> head, Vector256<float> headTail, Vector256<float> polynomial, Vector256<float> shifted)
    {
        Vector256<float> tail = polynomial + headTail;
        Vector256<int> u = shifted.AsInt32() - Vector256.Create(SingleScaleBias);
        Vector256<int> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<float> scale1 = Vector256.ShiftLeft(half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> scale2 = Vector256.ShiftLeft(u - half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> headScaled = head * scale1;
        Vector256<float> tailScaled = tail * scale1;
        Vector256<float> scaled = headScaled + tailScaled;
        Vector256<float> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector256.ConditionalSelect(Vector256.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(float, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Head, Vector256<float> HeadTail, Vector256<float> Polynomial, Vector256<float> Shifted) ExpReduced(Vector256<float> x, bool doubled = false)
    {
        Vector256<float> shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(doubled ? 2f * SingleLog2E : SingleLog2E), Vector256.Create(SingleRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(SingleRoundingShift);
        Vector256<float> rHigh = Vector256.FusedMultiplyAdd(k, Vector256.Create(-SingleLn2High), doubled ? x + x : x);
        Vector256<float> rLow = k * Vector256.Create(-SingleLn2Low);
        Vector256<float> r = rHigh + rLow;
        Vector256<float> r2 = r * r;
        Vector256<float> low = Vector256.FusedMultiplyAdd(Vector256.Create(SingleExpC3), r, Vector256.Create(0.5f));
        Vector256<float> high = Vector256.FusedMultiplyAdd(Vector256.Create(SingleExpC6), r2, Vector256.FusedMultiplyAdd(Vector256.Create(SingleExpC5), r, Vector256.Create(SingleExpC4)));
        Vector256<float> polynomial = Vector256.FusedMultiplyAdd(high, r2 * r2, Vector256.FusedMultiplyAdd(low, r2, rLow));
        Vector256<float> head = Vector256<float>.One + rHigh;
        return (head, (Vector256<float>.One - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Value, Vector512<float> Tail) ExpWithTail(Vector512<float> x, ExpRange range = ExpRange.Any)
    {
        Vector512<float> clamped = range == ExpRange.NonPositive
            ? Vector512.MaxNative(x, Vector512.Create(SingleExpLowest))
            : Vector512.ClampNative(x, Vector512.Create(SingleExpLowest), Vector512.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(float, float, float, float)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Value, Vector512<float> Tail) ExpScaled(Vector512<float> x, Vector512<float> head, Vector512<float> headTail, Vector512<float> polynomial, Vector512<float> shifted)
    {
        Vector512<float> tail = polynomial + headTail;
        Vector512<int> u = shifted.AsInt32() - Vector512.Create(SingleScaleBias);
        Vector512<int> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<float> scale1 = Vector512.ShiftLeft(half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> scale2 = Vector512.ShiftLeft(u - half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> headScaled = head * scale1;
        Vector512<float> tailScaled = tail * scale1;
        Vector512<float> scaled = headScaled + tailScaled;
        Vector512<float> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector512.ConditionalSelect(Vector512.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(float, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Head, Vector512<float> HeadTail, Vector512<float> Polynomial, Vector512<float> Shifted) ExpReduced(Vector512<float> x, bool doubled = false)
    {
        Vector512<float> shifted = Vector512.FusedMultiplyAdd(x, Vector512.Create(doubled ? 2f * SingleLog2E : SingleLog2E), Vector512.Create(SingleRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(SingleRoundingShift);
        Vector512<float> rHigh = Vector512.FusedMultiplyAdd(k, Vector512.Create(-SingleLn2High), doubled ? x + x : x);
        Vector512<float> rLow = k * Vector512.Create(-SingleLn2Low);
        Vector512<float> r = rHigh + rLow;
        Vector512<float> r2 = r * r;
        Vector512<float> low = Vector512.FusedMultiplyAdd(Vector512.Create(SingleExpC3), r, Vector512.Create(0.5f));
        Vector512<float> high = Vector512.FusedMultiplyAdd(Vector512.Create(SingleExpC6), r2, Vector512.FusedMultiplyAdd(Vector512.Create(SingleExpC5), r, Vector512.Create(SingleExpC4)));
        Vector512<float> polynomial = Vector512.FusedMultiplyAdd(high, r2 * r2, Vector512.FusedMultiplyAdd(low, r2, rLow));
        Vector512<float> head = Vector512<float>.One + rHigh;
        return (head, (Vector512<float>.One - head) + rHigh, polynomial, shifted);
    }
}
