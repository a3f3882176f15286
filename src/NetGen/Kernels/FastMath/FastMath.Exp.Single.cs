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
    public static Vector128<float> Exp(Vector128<float> x) => SingleExpWithTail<Width128<float>, Vector128<float>>(x).Value;

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => SingleExpWithTail<Width256<float>, Vector256<float>>(x).Value;

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => SingleExpWithTail<Width512<float>, Vector512<float>>(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Tail) SingleExpWithTail<TWidth, TVector>(TVector x, ExpRange range = ExpRange.Any)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector clamped = range == ExpRange.NonPositive
            ? TWidth.MaxNative(x, TWidth.Broadcast(SingleExpLowest))
            : TWidth.ClampNative(x, TWidth.Broadcast(SingleExpLowest), TWidth.Broadcast(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = SingleExpReduced<TWidth, TVector>(clamped);
        return SingleExpScaled<TWidth, TVector>(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(float, float, float, float)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Tail) SingleExpScaled<TWidth, TVector>(TVector x, TVector head, TVector headTail, TVector polynomial, TVector shifted)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector tail = TWidth.Add(polynomial, headTail);
        TVector u = TWidth.SubtractIntegers(shifted, TWidth.BroadcastInteger(SingleScaleBias));
        TVector half = TWidth.ShiftRightLogicalIntegers(u, 1);
        TVector scale1 = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(half, TWidth.BroadcastInteger(1)), 23);
        TVector scale2 = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(TWidth.SubtractIntegers(u, half), TWidth.BroadcastInteger(1)), 23);
        TVector headScaled = TWidth.Multiply(head, scale1);
        TVector tailScaled = TWidth.Multiply(tail, scale1);
        TVector scaled = TWidth.Add(headScaled, tailScaled);
        TVector scaledTail = TWidth.Add(TWidth.Subtract(headScaled, scaled), tailScaled);
        // NaN is the one input the clamp does not pass through.
        return (TWidth.ConditionalSelect(TWidth.IsNaN(x), x, TWidth.Multiply(scaled, scale2)), TWidth.Multiply(scaledTail, scale2));
    }

    /// <inheritdoc cref="ExpReduced(float, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Head, TVector HeadTail, TVector Polynomial, TVector Shifted) SingleExpReduced<TWidth, TVector>(TVector x, bool doubled = false)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector shifted = TWidth.FusedMultiplyAdd(
            x,
            TWidth.Broadcast(doubled ? 2f * SingleLog2E : SingleLog2E),
            TWidth.Broadcast(SingleRoundingShift));
        TVector k = TWidth.Subtract(shifted, TWidth.Broadcast(SingleRoundingShift));
        TVector rHigh = TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(-SingleLn2High), doubled ? TWidth.Add(x, x) : x);
        TVector rLow = TWidth.Multiply(k, TWidth.Broadcast(-SingleLn2Low));
        TVector r = TWidth.Add(rHigh, rLow);
        TVector r2 = TWidth.Multiply(r, r);
        TVector low = TWidth.FusedMultiplyAdd(TWidth.Broadcast(SingleExpC3), r, TWidth.Broadcast(0.5f));
        TVector high = TWidth.FusedMultiplyAdd(
            TWidth.Broadcast(SingleExpC6),
            r2,
            TWidth.FusedMultiplyAdd(TWidth.Broadcast(SingleExpC5), r, TWidth.Broadcast(SingleExpC4)));
        TVector polynomial = TWidth.FusedMultiplyAdd(high, TWidth.Multiply(r2, r2), TWidth.FusedMultiplyAdd(low, r2, rLow));
        TVector head = TWidth.Add(TWidth.One, rHigh);
        return (head, TWidth.Add(TWidth.Subtract(TWidth.One, head), rHigh), polynomial, shifted);
    }
}
