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
    /// degree-9 minimax polynomial evaluated in Estrin's order. 1 + r is carried as an exact head and
    /// tail, so that the one rounding that matters is the last: 2^k·(head + tail) as an exact sum of
    /// the two scaled by 2^⌊k/2⌋, rounded once, then
    /// an exact multiplication by 2^(k − ⌊k/2⌋), which lets k run from −1082 to 1024 without an exponent
    /// overflow.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp where e^x is a normal double (from 2^−1022 to double.MaxValue);
    /// measured 0.71 ulp over 2·10⁷ random arguments.
    /// Below that (x under about −708.4) results are subnormal, rounded a second time to the
    /// subnormal spacing, and still within 1 ulp of that spacing (0.79 ulp measured); they are 0 for x
    /// under about −745.13, and +∞ for x over about 709.78. e^±0 = 1, e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static double Exp(double x) => ExpWithTail(x).Value;

    /// <summary>
    /// <c>e^x</c> as <see cref="Exp(double)"/> computes it, and an estimate of what its last rounding
    /// dropped: Value + Tail is e^x to about the accuracy of the polynomial, which lets sigmoid carry
    /// e^x past a rounding into its own arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Value, double Tail) ExpWithTail(double x)
    {
        if (double.IsNaN(x))
            return (x, 0.0);
        var (head, headTail, polynomial, shifted) = ExpReduced(Math.Clamp(x, DoubleExpLowest, DoubleExpHighest));
        return ExpScaled(head, headTail, polynomial, shifted);
    }

    /// <summary>
    /// The scaling step of e^x: 2^k·(head + headTail + polynomial) from what <see cref="ExpReduced(double, bool)"/>
    /// returns, as <see cref="ExpWithTail(double)"/>'s Value and Tail, for a caller that has the reduction
    /// already and needs its parts as well (ExpM1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Value, double Tail) ExpScaled(double head, double headTail, double polynomial, double shifted)
    {
        double tail = polynomial + headTail;
        // 2^k = 2^⌊k/2⌋·2^(k−⌊k/2⌋), each factor built in the exponent bits and each normal for every
        // k the clamp allows, so that only the last multiplication can overflow or turn subnormal.
        long u = BitConverter.DoubleToInt64Bits(shifted) - DoubleScaleBias;
        long half = u >>> 1;
        double scale1 = BitConverter.Int64BitsToDouble((half - 1) << 52);
        double scale2 = BitConverter.Int64BitsToDouble((u - half - 1) << 52);
        // head·scale1 is exact, and |tail| < |head|, so scaled + scaledTail is headScaled + tailScaled
        // exactly (Fast2Sum). head·scale1 is ready long before the tail, so the critical path, which
        // runs through the tail, takes an addition here rather than a fused multiply-add.
        double headScaled = head * scale1;
        double tailScaled = tail * scale1;
        double scaled = headScaled + tailScaled;
        double scaledTail = (headScaled - scaled) + tailScaled;
        return (scaled * scale2, scaledTail * scale2);
    }

    /// <summary>
    /// The part of e^x that needs no scaling: e^x = 2^k·(Head + HeadTail + Polynomial), where
    /// k = round(x·log₂e) sits in the low mantissa bits of Shifted, r = x − k·ln 2 in two parts
    /// rHigh + rLow, Head + HeadTail = 1 + rHigh exactly, and Polynomial = r²·(1/2 + C3·r + …) + rLow.
    /// </summary>
    /// <remarks>
    /// <see cref="ExpWithTail(double)"/> scales the sum by 2^k; tanh divides the other side of its quotient
    /// by 2^k instead, which takes the scaling off its critical path.
    /// </remarks>
    /// <param name="x">The exponent, or half of it where <paramref name="doubled"/>.</param>
    /// <param name="doubled">
    /// Whether the exponent is 2x (tanh's): k then comes from x·(2·log₂e), the same bits as (2x)·log₂e
    /// since 2·log₂e and 2x are exact, one multiplication sooner.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Head, double HeadTail, double Polynomial, double Shifted) ExpReduced(double x, bool doubled = false)
    {
        double shifted = Math.FusedMultiplyAdd(x, doubled ? 2.0 * DoubleLog2E : DoubleLog2E, DoubleRoundingShift);
        double k = shifted - DoubleRoundingShift;
        double rHigh = Math.FusedMultiplyAdd(k, -DoubleLn2High, doubled ? x + x : x);
        double rLow = k * -DoubleLn2Low;
        double r = rHigh + rLow;
        // r²·(1/2 + C3·r + … + C11·r⁹) + rLow, in Estrin's order rather than Horner's: terms
        // paired by powers of r, a chain of four multiply-adds instead of ten, since every one-sample
        // layer waits on this.
        double r2 = r * r;
        double r4 = r2 * r2;
        double terms01 = Math.FusedMultiplyAdd(DoubleExpC3, r, 0.5);
        double terms23 = Math.FusedMultiplyAdd(DoubleExpC5, r, DoubleExpC4);
        double terms45 = Math.FusedMultiplyAdd(DoubleExpC7, r, DoubleExpC6);
        double terms67 = Math.FusedMultiplyAdd(DoubleExpC9, r, DoubleExpC8);
        double terms89 = Math.FusedMultiplyAdd(DoubleExpC11, r, DoubleExpC10);
        double low = Math.FusedMultiplyAdd(terms23, r2, terms01);
        double high = Math.FusedMultiplyAdd(terms89, r4, Math.FusedMultiplyAdd(terms67, r2, terms45));
        double polynomial = Math.FusedMultiplyAdd(high, r4 * r2, Math.FusedMultiplyAdd(low, r2, rLow));
        double head = 1.0 + rHigh;
        return (head, (1.0 - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> Value, Vector128<double> Tail) ExpWithTail(Vector128<double> x, ExpRange range = ExpRange.Any)
    {
        Vector128<double> clamped = range == ExpRange.NonPositive
            ? Vector128.MaxNative(x, Vector128.Create(DoubleExpLowest))
            : Vector128.ClampNative(x, Vector128.Create(DoubleExpLowest), Vector128.Create(DoubleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(double, double, double, double)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> Value, Vector128<double> Tail) ExpScaled(Vector128<double> x, Vector128<double> head, Vector128<double> headTail, Vector128<double> polynomial, Vector128<double> shifted)
    {
        Vector128<double> tail = polynomial + headTail;
        Vector128<long> u = shifted.AsInt64() - Vector128.Create(DoubleScaleBias);
        Vector128<long> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<double> scale1 = Vector128.ShiftLeft(half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> scale2 = Vector128.ShiftLeft(u - half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> headScaled = head * scale1;
        Vector128<double> tailScaled = tail * scale1;
        Vector128<double> scaled = headScaled + tailScaled;
        Vector128<double> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector128.ConditionalSelect(Vector128.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> Head, Vector128<double> HeadTail, Vector128<double> Polynomial, Vector128<double> Shifted) ExpReduced(Vector128<double> x, bool doubled = false)
    {
        Vector128<double> shifted = Vector128.FusedMultiplyAdd(x, Vector128.Create(doubled ? 2.0 * DoubleLog2E : DoubleLog2E), Vector128.Create(DoubleRoundingShift));
        Vector128<double> k = shifted - Vector128.Create(DoubleRoundingShift);
        Vector128<double> rHigh = Vector128.FusedMultiplyAdd(k, Vector128.Create(-DoubleLn2High), doubled ? x + x : x);
        Vector128<double> rLow = k * Vector128.Create(-DoubleLn2Low);
        Vector128<double> r = rHigh + rLow;
        Vector128<double> r2 = r * r;
        Vector128<double> r4 = r2 * r2;
        Vector128<double> terms01 = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC3), r, Vector128.Create(0.5));
        Vector128<double> terms23 = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC5), r, Vector128.Create(DoubleExpC4));
        Vector128<double> terms45 = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC7), r, Vector128.Create(DoubleExpC6));
        Vector128<double> terms67 = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC9), r, Vector128.Create(DoubleExpC8));
        Vector128<double> terms89 = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC11), r, Vector128.Create(DoubleExpC10));
        Vector128<double> low = Vector128.FusedMultiplyAdd(terms23, r2, terms01);
        Vector128<double> high = Vector128.FusedMultiplyAdd(terms89, r4, Vector128.FusedMultiplyAdd(terms67, r2, terms45));
        Vector128<double> polynomial = Vector128.FusedMultiplyAdd(high, r4 * r2, Vector128.FusedMultiplyAdd(low, r2, rLow));
        Vector128<double> head = Vector128<double>.One + rHigh;
        return (head, (Vector128<double>.One - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Value, Vector256<double> Tail) ExpWithTail(Vector256<double> x, ExpRange range = ExpRange.Any)
    {
        Vector256<double> clamped = range == ExpRange.NonPositive
            ? Vector256.MaxNative(x, Vector256.Create(DoubleExpLowest))
            : Vector256.ClampNative(x, Vector256.Create(DoubleExpLowest), Vector256.Create(DoubleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(double, double, double, double)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Value, Vector256<double> Tail) ExpScaled(Vector256<double> x, Vector256<double> head, Vector256<double> headTail, Vector256<double> polynomial, Vector256<double> shifted)
    {
        Vector256<double> tail = polynomial + headTail;
        Vector256<long> u = shifted.AsInt64() - Vector256.Create(DoubleScaleBias);
        Vector256<long> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<double> scale1 = Vector256.ShiftLeft(half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> scale2 = Vector256.ShiftLeft(u - half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> headScaled = head * scale1;
        Vector256<double> tailScaled = tail * scale1;
        Vector256<double> scaled = headScaled + tailScaled;
        Vector256<double> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector256.ConditionalSelect(Vector256.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Head, Vector256<double> HeadTail, Vector256<double> Polynomial, Vector256<double> Shifted) ExpReduced(Vector256<double> x, bool doubled = false)
    {
        Vector256<double> shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(doubled ? 2.0 * DoubleLog2E : DoubleLog2E), Vector256.Create(DoubleRoundingShift));
        Vector256<double> k = shifted - Vector256.Create(DoubleRoundingShift);
        Vector256<double> rHigh = Vector256.FusedMultiplyAdd(k, Vector256.Create(-DoubleLn2High), doubled ? x + x : x);
        Vector256<double> rLow = k * Vector256.Create(-DoubleLn2Low);
        Vector256<double> r = rHigh + rLow;
        Vector256<double> r2 = r * r;
        Vector256<double> r4 = r2 * r2;
        Vector256<double> terms01 = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC3), r, Vector256.Create(0.5));
        Vector256<double> terms23 = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC5), r, Vector256.Create(DoubleExpC4));
        Vector256<double> terms45 = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC7), r, Vector256.Create(DoubleExpC6));
        Vector256<double> terms67 = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC9), r, Vector256.Create(DoubleExpC8));
        Vector256<double> terms89 = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC11), r, Vector256.Create(DoubleExpC10));
        Vector256<double> low = Vector256.FusedMultiplyAdd(terms23, r2, terms01);
        Vector256<double> high = Vector256.FusedMultiplyAdd(terms89, r4, Vector256.FusedMultiplyAdd(terms67, r2, terms45));
        Vector256<double> polynomial = Vector256.FusedMultiplyAdd(high, r4 * r2, Vector256.FusedMultiplyAdd(low, r2, rLow));
        Vector256<double> head = Vector256<double>.One + rHigh;
        return (head, (Vector256<double>.One - head) + rHigh, polynomial, shifted);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => ExpWithTail(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Value, Vector512<double> Tail) ExpWithTail(Vector512<double> x, ExpRange range = ExpRange.Any)
    {
        Vector512<double> clamped = range == ExpRange.NonPositive
            ? Vector512.MaxNative(x, Vector512.Create(DoubleExpLowest))
            : Vector512.ClampNative(x, Vector512.Create(DoubleExpLowest), Vector512.Create(DoubleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        return ExpScaled(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(double, double, double, double)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Value, Vector512<double> Tail) ExpScaled(Vector512<double> x, Vector512<double> head, Vector512<double> headTail, Vector512<double> polynomial, Vector512<double> shifted)
    {
        Vector512<double> tail = polynomial + headTail;
        Vector512<long> u = shifted.AsInt64() - Vector512.Create(DoubleScaleBias);
        Vector512<long> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<double> scale1 = Vector512.ShiftLeft(half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> scale2 = Vector512.ShiftLeft(u - half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> headScaled = head * scale1;
        Vector512<double> tailScaled = tail * scale1;
        Vector512<double> scaled = headScaled + tailScaled;
        Vector512<double> scaledTail = (headScaled - scaled) + tailScaled;
        // NaN is the one input the clamp does not pass through.
        return (Vector512.ConditionalSelect(Vector512.IsNaN(x), x, scaled * scale2), scaledTail * scale2);
    }

    /// <inheritdoc cref="ExpReduced(double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Head, Vector512<double> HeadTail, Vector512<double> Polynomial, Vector512<double> Shifted) ExpReduced(Vector512<double> x, bool doubled = false)
    {
        Vector512<double> shifted = Vector512.FusedMultiplyAdd(x, Vector512.Create(doubled ? 2.0 * DoubleLog2E : DoubleLog2E), Vector512.Create(DoubleRoundingShift));
        Vector512<double> k = shifted - Vector512.Create(DoubleRoundingShift);
        Vector512<double> rHigh = Vector512.FusedMultiplyAdd(k, Vector512.Create(-DoubleLn2High), doubled ? x + x : x);
        Vector512<double> rLow = k * Vector512.Create(-DoubleLn2Low);
        Vector512<double> r = rHigh + rLow;
        Vector512<double> r2 = r * r;
        Vector512<double> r4 = r2 * r2;
        Vector512<double> terms01 = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC3), r, Vector512.Create(0.5));
        Vector512<double> terms23 = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC5), r, Vector512.Create(DoubleExpC4));
        Vector512<double> terms45 = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC7), r, Vector512.Create(DoubleExpC6));
        Vector512<double> terms67 = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC9), r, Vector512.Create(DoubleExpC8));
        Vector512<double> terms89 = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC11), r, Vector512.Create(DoubleExpC10));
        Vector512<double> low = Vector512.FusedMultiplyAdd(terms23, r2, terms01);
        Vector512<double> high = Vector512.FusedMultiplyAdd(terms89, r4, Vector512.FusedMultiplyAdd(terms67, r2, terms45));
        Vector512<double> polynomial = Vector512.FusedMultiplyAdd(high, r4 * r2, Vector512.FusedMultiplyAdd(low, r2, rLow));
        Vector512<double> head = Vector512<double>.One + rHigh;
        return (head, (Vector512<double>.One - head) + rHigh, polynomial, shifted);
    }
}
