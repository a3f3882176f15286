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
    /// degree-4 minimax polynomial. 1 + r is carried as an exact head and tail, so that the one
    /// rounding that matters is the last: 2^k·(head + tail) as a fused multiply-add by 2^⌊k/2⌋, then
    /// an exact multiplication by 2^(k − ⌊k/2⌋), which lets k run from −159 to 128 without an exponent
    /// overflow.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp where e^x is a normal float (from 2^−126 to float.MaxValue);
    /// measured 0.69 ulp over every float argument.
    /// Below that (x under about −87.3) results are subnormal, rounded a second time to the
    /// subnormal spacing, and still within 1 ulp of that spacing (0.78 ulp measured); they are 0 for x
    /// under about −103.97, and +∞ for x over about 88.72. e^±0 = 1, e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static float Exp(float x) => ExpWithTail(x).Value;

    /// <summary>
    /// <c>e^x</c> as <see cref="Exp(float)"/> computes it, and an estimate of what its last rounding
    /// dropped: Value + Tail is e^x to about the accuracy of the polynomial, which lets sigmoid and
    /// tanh carry e^x past a rounding into their own arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Value, float Tail) ExpWithTail(float x)
    {
        if (float.IsNaN(x))
            return (x, 0f);
        float clamped = Math.Clamp(x, SingleExpLowest, SingleExpHighest);
        float t = MathF.FusedMultiplyAdd(clamped, SingleLog2E, SingleRoundingShift);
        float k = t - SingleRoundingShift;
        float rHigh = MathF.FusedMultiplyAdd(k, -SingleLn2High, clamped);
        float rLow = k * -SingleLn2Low;
        float r = rHigh + rLow;
        float p = MathF.FusedMultiplyAdd(SingleExpC6, r, SingleExpC5);
        p = MathF.FusedMultiplyAdd(p, r, SingleExpC4);
        p = MathF.FusedMultiplyAdd(p, r, SingleExpC3);
        p = MathF.FusedMultiplyAdd(p, r, 0.5f);
        // e^r = head + tail, with head + (the first part of tail) = 1 + rHigh exactly (Fast2Sum).
        float head = 1f + rHigh;
        float tail = MathF.FusedMultiplyAdd(p, r * r, rLow) + ((1f - head) + rHigh);
        // 2^k = 2^⌊k/2⌋·2^(k−⌊k/2⌋), each factor built in the exponent bits and each normal for every
        // k the clamp allows, so that only the last multiplication can overflow or turn subnormal.
        int u = BitConverter.SingleToInt32Bits(t) - SingleScaleBias;
        int half = u >>> 1;
        float scale1 = BitConverter.Int32BitsToSingle((half - 1) << 23);
        float scale2 = BitConverter.Int32BitsToSingle((u - half - 1) << 23);
        float scaled = MathF.FusedMultiplyAdd(head, scale1, tail * scale1);
        // head·scale1 − scaled is exact: the two are close multiples of the same power of two.
        float scaledTail = MathF.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        return (scaled * scale2, scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 20 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Value, Vector128<float> Tail) ExpWithTail(Vector128<float> x, ExpRange range = ExpRange.Any)
    {
        Vector128<float> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector128.MaxNative(x, Vector128.Create(SingleExpLowest)),
            _ => Vector128.ClampNative(x, Vector128.Create(SingleExpLowest), Vector128.Create(SingleExpHighest)),
        };
        Vector128<float> t = Vector128.FusedMultiplyAdd(clamped, Vector128.Create(SingleLog2E), Vector128.Create(SingleRoundingShift));
        Vector128<float> k = t - Vector128.Create(SingleRoundingShift);
        Vector128<float> rHigh = Vector128.FusedMultiplyAdd(k, Vector128.Create(-SingleLn2High), clamped);
        Vector128<float> rLow = k * Vector128.Create(-SingleLn2Low);
        Vector128<float> r = rHigh + rLow;
        Vector128<float> p = Vector128.FusedMultiplyAdd(Vector128.Create(SingleExpC6), r, Vector128.Create(SingleExpC5));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(SingleExpC4));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(SingleExpC3));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5f));
        Vector128<float> head = Vector128<float>.One + rHigh;
        Vector128<float> tail = Vector128.FusedMultiplyAdd(p, r * r, rLow) + ((Vector128<float>.One - head) + rHigh);
        Vector128<int> u = t.AsInt32() - Vector128.Create(SingleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 256, and 2^k has the bits (k + 127) << 23.
            Vector128<float> scale = Vector128.ShiftLeft(u - Vector128.Create(129), 23).AsSingle();
            Vector128<float> value = Vector128.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector128.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector128<int> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<float> scale1 = Vector128.ShiftLeft(half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> scale2 = Vector128.ShiftLeft(u - half - Vector128<int>.One, 23).AsSingle();
        Vector128<float> scaled = Vector128.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector128<float> scaledTail = Vector128.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector128.ConditionalSelect(Vector128.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 20 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Value, Vector256<float> Tail) ExpWithTail(Vector256<float> x, ExpRange range = ExpRange.Any)
    {
        Vector256<float> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector256.MaxNative(x, Vector256.Create(SingleExpLowest)),
            _ => Vector256.ClampNative(x, Vector256.Create(SingleExpLowest), Vector256.Create(SingleExpHighest)),
        };
        Vector256<float> t = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(SingleLog2E), Vector256.Create(SingleRoundingShift));
        Vector256<float> k = t - Vector256.Create(SingleRoundingShift);
        Vector256<float> rHigh = Vector256.FusedMultiplyAdd(k, Vector256.Create(-SingleLn2High), clamped);
        Vector256<float> rLow = k * Vector256.Create(-SingleLn2Low);
        Vector256<float> r = rHigh + rLow;
        Vector256<float> p = Vector256.FusedMultiplyAdd(Vector256.Create(SingleExpC6), r, Vector256.Create(SingleExpC5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(SingleExpC4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(SingleExpC3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5f));
        Vector256<float> head = Vector256<float>.One + rHigh;
        Vector256<float> tail = Vector256.FusedMultiplyAdd(p, r * r, rLow) + ((Vector256<float>.One - head) + rHigh);
        Vector256<int> u = t.AsInt32() - Vector256.Create(SingleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 256, and 2^k has the bits (k + 127) << 23.
            Vector256<float> scale = Vector256.ShiftLeft(u - Vector256.Create(129), 23).AsSingle();
            Vector256<float> value = Vector256.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector256.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector256<int> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<float> scale1 = Vector256.ShiftLeft(half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> scale2 = Vector256.ShiftLeft(u - half - Vector256<int>.One, 23).AsSingle();
        Vector256<float> scaled = Vector256.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector256<float> scaledTail = Vector256.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector256.ConditionalSelect(Vector256.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(float)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 20 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Value, Vector512<float> Tail) ExpWithTail(Vector512<float> x, ExpRange range = ExpRange.Any)
    {
        Vector512<float> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector512.MaxNative(x, Vector512.Create(SingleExpLowest)),
            _ => Vector512.ClampNative(x, Vector512.Create(SingleExpLowest), Vector512.Create(SingleExpHighest)),
        };
        Vector512<float> t = Vector512.FusedMultiplyAdd(clamped, Vector512.Create(SingleLog2E), Vector512.Create(SingleRoundingShift));
        Vector512<float> k = t - Vector512.Create(SingleRoundingShift);
        Vector512<float> rHigh = Vector512.FusedMultiplyAdd(k, Vector512.Create(-SingleLn2High), clamped);
        Vector512<float> rLow = k * Vector512.Create(-SingleLn2Low);
        Vector512<float> r = rHigh + rLow;
        Vector512<float> p = Vector512.FusedMultiplyAdd(Vector512.Create(SingleExpC6), r, Vector512.Create(SingleExpC5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(SingleExpC4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(SingleExpC3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5f));
        Vector512<float> head = Vector512<float>.One + rHigh;
        Vector512<float> tail = Vector512.FusedMultiplyAdd(p, r * r, rLow) + ((Vector512<float>.One - head) + rHigh);
        Vector512<int> u = t.AsInt32() - Vector512.Create(SingleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 256, and 2^k has the bits (k + 127) << 23.
            Vector512<float> scale = Vector512.ShiftLeft(u - Vector512.Create(129), 23).AsSingle();
            Vector512<float> value = Vector512.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector512.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector512<int> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<float> scale1 = Vector512.ShiftLeft(half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> scale2 = Vector512.ShiftLeft(u - half - Vector512<int>.One, 23).AsSingle();
        Vector512<float> scaled = Vector512.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector512<float> scaledTail = Vector512.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector512.ConditionalSelect(Vector512.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }
}
