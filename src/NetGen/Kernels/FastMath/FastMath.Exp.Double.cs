using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // The same scheme as for float (see there), with |k| < 2^11 and 53-bit parts of ln 2.
    private const double DoubleLog2E = 1.4426950408889634;
    private const double DoubleRoundingShift = 6755399441055744.0;         // 1.5·2^52
    private const double DoubleLn2High = 0.6931471805599453;
    private const double DoubleLn2Low = 2.3190468138462996e-17;

    // e^−750 is under half the smallest subnormal, e^710 over double.MaxValue.
    private const double DoubleExpLowest = -750.0;
    private const double DoubleExpHighest = 710.0;

    // e^r ≈ 1 + r + r²/2 + r³·(C3 + C4·r + … + C11·r⁸) on |r| ≤ 1.002·ln 2 / 2, a minimax fit of
    // the relative error (at most 2^−57, a thirtieth of an ulp).
    private const double DoubleExpC3 = 0.1666666666666643;
    private const double DoubleExpC4 = 0.041666666666602986;
    private const double DoubleExpC5 = 0.0083333333335026;
    private const double DoubleExpC6 = 0.0013888888927235262;
    private const double DoubleExpC7 = 0.00019841269461912925;
    private const double DoubleExpC8 = 2.4801508076227336e-05;
    private const double DoubleExpC9 = 2.755764330949835e-06;
    private const double DoubleExpC10 = 2.762544829109856e-07;
    private const double DoubleExpC11 = 2.497810819254174e-08;

    // The bits of the rounding shift less 2·1024, so that u = k + 2048 is never negative and halves
    // with a logical shift (an arithmetic shift of 64-bit lanes would need AVX-512).
    private const long DoubleScaleBias = 0x4338000000000000 - 2048;

    /// <summary><c>e^x</c> in double, within 1 ulp of the exact value (faithfully rounded).</summary>
    /// <remarks>
    /// <para>
    /// e^x = 2^k·e^r, where k = round(x·log₂e) and r = x − k·ln 2 (|r| ≤ ln 2 / 2, by a two-constant
    /// Cody–Waite reduction with fused multiply-adds), and e^r = 1 + r + r²/2 + r³·P(r) with P a
    /// degree-9 minimax polynomial. 1 + r is carried as an exact head and tail, so that the one
    /// rounding that matters is the last: 2^k·(head + tail) as a fused multiply-add by 2^⌊k/2⌋, then
    /// an exact multiplication by 2^(k − ⌊k/2⌋), which lets k run from −1082 to 1024 without an exponent
    /// overflow.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp where e^x is a normal double (from 2^−1022 to double.MaxValue);
    /// measured 0.69 ulp over 2·10⁷ random arguments.
    /// Below that (x under about −708.4) results are subnormal, rounded a second time to the
    /// subnormal spacing, and still within 1 ulp of that spacing (0.79 ulp measured); they are 0 for x
    /// under about −745.13, and +∞ for x over about 709.78. e^±0 = 1, e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static double Exp(double x) => ExpWithTail(x).Value;

    /// <summary>
    /// <c>e^x</c> as <see cref="Exp(double)"/> computes it, and an estimate of what its last rounding
    /// dropped: Value + Tail is e^x to about the accuracy of the polynomial, which lets sigmoid and
    /// tanh carry e^x past a rounding into their own arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Value, double Tail) ExpWithTail(double x)
    {
        if (double.IsNaN(x))
            return (x, 0.0);
        double clamped = Math.Clamp(x, DoubleExpLowest, DoubleExpHighest);
        double t = Math.FusedMultiplyAdd(clamped, DoubleLog2E, DoubleRoundingShift);
        double k = t - DoubleRoundingShift;
        double rHigh = Math.FusedMultiplyAdd(k, -DoubleLn2High, clamped);
        double rLow = k * -DoubleLn2Low;
        double r = rHigh + rLow;
        double p = Math.FusedMultiplyAdd(DoubleExpC11, r, DoubleExpC10);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC9);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC8);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC7);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC6);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC5);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC4);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC3);
        p = Math.FusedMultiplyAdd(p, r, 0.5);
        // e^r = head + tail, with head + (the first part of tail) = 1 + rHigh exactly (Fast2Sum).
        double head = 1.0 + rHigh;
        double tail = Math.FusedMultiplyAdd(p, r * r, rLow) + ((1.0 - head) + rHigh);
        // 2^k = 2^⌊k/2⌋·2^(k−⌊k/2⌋), each factor built in the exponent bits and each normal for every
        // k the clamp allows, so that only the last multiplication can overflow or turn subnormal.
        long u = BitConverter.DoubleToInt64Bits(t) - DoubleScaleBias;
        long half = u >>> 1;
        double scale1 = BitConverter.Int64BitsToDouble((half - 1) << 52);
        double scale2 = BitConverter.Int64BitsToDouble((u - half - 1) << 52);
        double scaled = Math.FusedMultiplyAdd(head, scale1, tail * scale1);
        // head·scale1 − scaled is exact: the two are close multiples of the same power of two.
        double scaledTail = Math.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        return (scaled * scale2, scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 40 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> Value, Vector128<double> Tail) ExpWithTail(Vector128<double> x, ExpRange range = ExpRange.Any)
    {
        Vector128<double> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector128.MaxNative(x, Vector128.Create(DoubleExpLowest)),
            _ => Vector128.ClampNative(x, Vector128.Create(DoubleExpLowest), Vector128.Create(DoubleExpHighest)),
        };
        Vector128<double> t = Vector128.FusedMultiplyAdd(clamped, Vector128.Create(DoubleLog2E), Vector128.Create(DoubleRoundingShift));
        Vector128<double> k = t - Vector128.Create(DoubleRoundingShift);
        Vector128<double> rHigh = Vector128.FusedMultiplyAdd(k, Vector128.Create(-DoubleLn2High), clamped);
        Vector128<double> rLow = k * Vector128.Create(-DoubleLn2Low);
        Vector128<double> r = rHigh + rLow;
        Vector128<double> p = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC11), r, Vector128.Create(DoubleExpC10));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC9));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC8));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC7));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC6));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC5));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC4));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC3));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5));
        Vector128<double> head = Vector128<double>.One + rHigh;
        Vector128<double> tail = Vector128.FusedMultiplyAdd(p, r * r, rLow) + ((Vector128<double>.One - head) + rHigh);
        Vector128<long> u = t.AsInt64() - Vector128.Create(DoubleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 2048, and 2^k has the bits (k + 1023) << 52.
            Vector128<double> scale = Vector128.ShiftLeft(u - Vector128.Create((long)1025), 52).AsDouble();
            Vector128<double> value = Vector128.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector128.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector128<long> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<double> scale1 = Vector128.ShiftLeft(half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> scale2 = Vector128.ShiftLeft(u - half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> scaled = Vector128.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector128<double> scaledTail = Vector128.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector128.ConditionalSelect(Vector128.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 40 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Value, Vector256<double> Tail) ExpWithTail(Vector256<double> x, ExpRange range = ExpRange.Any)
    {
        Vector256<double> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector256.MaxNative(x, Vector256.Create(DoubleExpLowest)),
            _ => Vector256.ClampNative(x, Vector256.Create(DoubleExpLowest), Vector256.Create(DoubleExpHighest)),
        };
        Vector256<double> t = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(DoubleLog2E), Vector256.Create(DoubleRoundingShift));
        Vector256<double> k = t - Vector256.Create(DoubleRoundingShift);
        Vector256<double> rHigh = Vector256.FusedMultiplyAdd(k, Vector256.Create(-DoubleLn2High), clamped);
        Vector256<double> rLow = k * Vector256.Create(-DoubleLn2Low);
        Vector256<double> r = rHigh + rLow;
        Vector256<double> p = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC11), r, Vector256.Create(DoubleExpC10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        Vector256<double> head = Vector256<double>.One + rHigh;
        Vector256<double> tail = Vector256.FusedMultiplyAdd(p, r * r, rLow) + ((Vector256<double>.One - head) + rHigh);
        Vector256<long> u = t.AsInt64() - Vector256.Create(DoubleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 2048, and 2^k has the bits (k + 1023) << 52.
            Vector256<double> scale = Vector256.ShiftLeft(u - Vector256.Create((long)1025), 52).AsDouble();
            Vector256<double> value = Vector256.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector256.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector256<long> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<double> scale1 = Vector256.ShiftLeft(half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> scale2 = Vector256.ShiftLeft(u - half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> scaled = Vector256.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector256<double> scaledTail = Vector256.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector256.ConditionalSelect(Vector256.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for 0 ≤ x ≤ 40 (tanh) the clamp,
    /// the NaN pass-through and the second scaling factor are left out (2^k is then normal, and one
    /// scaling step rounds exactly as the two do); for x ≤ 0 (sigmoid) the clamp keeps its lower bound
    /// only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Value, Vector512<double> Tail) ExpWithTail(Vector512<double> x, ExpRange range = ExpRange.Any)
    {
        Vector512<double> clamped = range switch
        {
            ExpRange.Moderate => x,
            ExpRange.NonPositive => Vector512.MaxNative(x, Vector512.Create(DoubleExpLowest)),
            _ => Vector512.ClampNative(x, Vector512.Create(DoubleExpLowest), Vector512.Create(DoubleExpHighest)),
        };
        Vector512<double> t = Vector512.FusedMultiplyAdd(clamped, Vector512.Create(DoubleLog2E), Vector512.Create(DoubleRoundingShift));
        Vector512<double> k = t - Vector512.Create(DoubleRoundingShift);
        Vector512<double> rHigh = Vector512.FusedMultiplyAdd(k, Vector512.Create(-DoubleLn2High), clamped);
        Vector512<double> rLow = k * Vector512.Create(-DoubleLn2Low);
        Vector512<double> r = rHigh + rLow;
        Vector512<double> p = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC11), r, Vector512.Create(DoubleExpC10));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC9));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC8));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC7));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        Vector512<double> head = Vector512<double>.One + rHigh;
        Vector512<double> tail = Vector512.FusedMultiplyAdd(p, r * r, rLow) + ((Vector512<double>.One - head) + rHigh);
        Vector512<long> u = t.AsInt64() - Vector512.Create(DoubleScaleBias);
        if (range == ExpRange.Moderate)
        {
            // 2^k in one factor: u = k + 2048, and 2^k has the bits (k + 1023) << 52.
            Vector512<double> scale = Vector512.ShiftLeft(u - Vector512.Create((long)1025), 52).AsDouble();
            Vector512<double> value = Vector512.FusedMultiplyAdd(head, scale, tail * scale);
            return (value, Vector512.FusedMultiplyAdd(head, scale, -value) + tail * scale);
        }
        Vector512<long> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<double> scale1 = Vector512.ShiftLeft(half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> scale2 = Vector512.ShiftLeft(u - half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> scaled = Vector512.FusedMultiplyAdd(head, scale1, tail * scale1);
        Vector512<double> scaledTail = Vector512.FusedMultiplyAdd(head, scale1, -scaled) + tail * scale1;
        // NaN is the one input the clamp does not pass through.
        return (Vector512.ConditionalSelect(Vector512.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }
}
