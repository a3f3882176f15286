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
    public static Vector128<double> Exp(Vector128<double> x) => DoubleExpWithTail<Width128<double>, Vector128<double>>(x).Value;

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => DoubleExpWithTail<Width256<double>, Vector256<double>>(x).Value;

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => DoubleExpWithTail<Width512<double>, Vector512<double>>(x).Value;

    /// <inheritdoc cref="ExpWithTail(double)"/>
    /// <param name="x">The exponent.</param>
    /// <param name="range">
    /// What holds for every lane that matters (see <see cref="ExpRange"/>): for x ≤ 0 (sigmoid) the
    /// clamp keeps its lower bound only. The results are the same bits.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Tail) DoubleExpWithTail<TWidth, TVector>(TVector x, ExpRange range = ExpRange.Any)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector clamped = range == ExpRange.NonPositive
            ? TWidth.MaxNative(x, TWidth.Broadcast(DoubleExpLowest))
            : TWidth.ClampNative(x, TWidth.Broadcast(DoubleExpLowest), TWidth.Broadcast(DoubleExpHighest));
        var (head, headTail, polynomial, shifted) = DoubleExpReduced<TWidth, TVector>(clamped);
        return DoubleExpScaled<TWidth, TVector>(x, head, headTail, polynomial, shifted);
    }

    /// <inheritdoc cref="ExpScaled(double, double, double, double)"/>
    // x is the exponent before its clamp, whose NaN lanes pass through.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Tail) DoubleExpScaled<TWidth, TVector>(TVector x, TVector head, TVector headTail, TVector polynomial, TVector shifted)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector tail = TWidth.Add(polynomial, headTail);
        TVector u = TWidth.SubtractIntegers(shifted, TWidth.BroadcastInteger(DoubleScaleBias));
        TVector half = TWidth.ShiftRightLogicalIntegers(u, 1);
        TVector scale1 = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(half, TWidth.BroadcastInteger(1)), 52);
        TVector scale2 = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(TWidth.SubtractIntegers(u, half), TWidth.BroadcastInteger(1)), 52);
        TVector headScaled = TWidth.Multiply(head, scale1);
        TVector tailScaled = TWidth.Multiply(tail, scale1);
        TVector scaled = TWidth.Add(headScaled, tailScaled);
        TVector scaledTail = TWidth.Add(TWidth.Subtract(headScaled, scaled), tailScaled);
        // NaN is the one input the clamp does not pass through.
        return (TWidth.ConditionalSelect(TWidth.IsNaN(x), x, TWidth.Multiply(scaled, scale2)), TWidth.Multiply(scaledTail, scale2));
    }

    /// <inheritdoc cref="ExpReduced(double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Head, TVector HeadTail, TVector Polynomial, TVector Shifted) DoubleExpReduced<TWidth, TVector>(TVector x, bool doubled = false)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector shifted = TWidth.FusedMultiplyAdd(
            x,
            TWidth.Broadcast(doubled ? 2.0 * DoubleLog2E : DoubleLog2E),
            TWidth.Broadcast(DoubleRoundingShift));
        TVector k = TWidth.Subtract(shifted, TWidth.Broadcast(DoubleRoundingShift));
        TVector rHigh = TWidth.FusedMultiplyAdd(k, TWidth.Broadcast(-DoubleLn2High), doubled ? TWidth.Add(x, x) : x);
        TVector rLow = TWidth.Multiply(k, TWidth.Broadcast(-DoubleLn2Low));
        TVector r = TWidth.Add(rHigh, rLow);
        TVector r2 = TWidth.Multiply(r, r);
        TVector r4 = TWidth.Multiply(r2, r2);
        TVector terms01 = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleExpC3), r, TWidth.Broadcast(0.5));
        TVector terms23 = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleExpC5), r, TWidth.Broadcast(DoubleExpC4));
        TVector terms45 = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleExpC7), r, TWidth.Broadcast(DoubleExpC6));
        TVector terms67 = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleExpC9), r, TWidth.Broadcast(DoubleExpC8));
        TVector terms89 = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleExpC11), r, TWidth.Broadcast(DoubleExpC10));
        TVector low = TWidth.FusedMultiplyAdd(terms23, r2, terms01);
        TVector high = TWidth.FusedMultiplyAdd(terms89, r4, TWidth.FusedMultiplyAdd(terms67, r2, terms45));
        TVector polynomial = TWidth.FusedMultiplyAdd(high, TWidth.Multiply(r4, r2), TWidth.FusedMultiplyAdd(low, r2, rLow));
        TVector head = TWidth.Add(TWidth.One, rHigh);
        return (head, TWidth.Add(TWidth.Subtract(TWidth.One, head), rHigh), polynomial, shifted);
    }
}
