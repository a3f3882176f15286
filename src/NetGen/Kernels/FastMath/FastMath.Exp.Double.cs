using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // The same scheme as the float Exp; see the comments there.
    private const double DoubleLog2E = 1.4426950408889634;
    private const double DoubleRoundingShift = 6755399441055744.0;      // 1.5·2^52
    private const double DoubleLn2High = 0.6931471805599453;
    private const double DoubleLn2Low = 2.3190468138462996e-17;

    // e^−750 is under half the smallest subnormal; e^710 is over double.MaxValue.
    private const double DoubleExpLowest = -750.0;
    private const double DoubleExpHighest = 710.0;

    // e^r − 1 − r − r²/2 ≈ r³·(C3 + C4·r + … + C11·r⁸) on |r| ≤ 1.002·ln 2 / 2, fitted to minimize
    // the relative error of e^r (max 2^−57, a thirtieth of a double ulp).
    private const double DoubleExpC3 = 0.1666666666666643;
    private const double DoubleExpC4 = 0.041666666666602986;
    private const double DoubleExpC5 = 0.0083333333335026;
    private const double DoubleExpC6 = 0.0013888888927235262;
    private const double DoubleExpC7 = 0.00019841269461912925;
    private const double DoubleExpC8 = 2.4801508076227336e-05;
    private const double DoubleExpC9 = 2.755764330949835e-06;
    private const double DoubleExpC10 = 2.762544829109856e-07;
    private const double DoubleExpC11 = 2.497810819254174e-08;

    // The bits of the rounding shift, less 2·1024, so that u = k + 2048 is never negative
    // (an arithmetic shift of 64-bit lanes needs AVX-512).
    private const long DoubleScaleBias = 0x4338000000000000 - 2048;

    /// <summary>
    /// <c>e^x</c> in double, within 1 ulp of the exact value (measured maximum: see the remarks).
    /// </summary>
    /// <remarks>
    /// <para>
    /// e^x = 2^k·(1 + s), where k = round(x·log₂e), r = x − k·ln 2 (two-constant Cody–Waite
    /// reduction with fused multiply-adds) and s = r + r²·P(r) for a degree-9 minimax P, so that
    /// |r| ≤ ln 2 / 2. The final 2^k·(1 + s) is one fused multiply-add by 2^⌊k/2⌋ followed by an
    /// exact multiplication by 2^(k−⌊k/2⌋), so that k down to −1082 and up to 1024 scales without an
    /// exponent overflow.
    /// </para>
    /// <para>
    /// Maximum error: MAXULP_EXP_DOUBLE ulp over the whole range (results from 2^−1022 to double.MaxValue);
    /// results in the subnormal range (x below about −708.4) are rounded twice, within 1 ulp of the
    /// subnormal spacing. e^x is +∞ for x above about 709.78, 0 for x below about −745.13;
    /// e^±0 = 1, e^+∞ = +∞, e^−∞ = 0, e^NaN = NaN.
    /// </para>
    /// </remarks>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            return x;
        double clamped = Math.Clamp(x, DoubleExpLowest, DoubleExpHighest);
        double t = Math.FusedMultiplyAdd(clamped, DoubleLog2E, DoubleRoundingShift);
        double k = t - DoubleRoundingShift;
        double r = Math.FusedMultiplyAdd(k, -DoubleLn2High, clamped);
        r = Math.FusedMultiplyAdd(k, -DoubleLn2Low, r);
        double p = Math.FusedMultiplyAdd(DoubleExpC11, r, DoubleExpC10);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC9);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC8);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC7);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC6);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC5);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC4);
        p = Math.FusedMultiplyAdd(p, r, DoubleExpC3);
        p = Math.FusedMultiplyAdd(p, r, 0.5);
        double s = Math.FusedMultiplyAdd(p, r * r, r);
        long u = BitConverter.DoubleToInt64Bits(t) - DoubleScaleBias;
        long half = u >>> 1;
        double scale1 = BitConverter.Int64BitsToDouble((half - 1) << 52);
        double scale2 = BitConverter.Int64BitsToDouble((u - half - 1) << 52);
        return Math.FusedMultiplyAdd(s, scale1, scale1) * scale2;
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x)
    {
        Vector128<double> clamped = Vector128.ClampNative(x, Vector128.Create(DoubleExpLowest), Vector128.Create(DoubleExpHighest));
        Vector128<double> t = Vector128.FusedMultiplyAdd(clamped, Vector128.Create(DoubleLog2E), Vector128.Create(DoubleRoundingShift));
        Vector128<double> k = t - Vector128.Create(DoubleRoundingShift);
        Vector128<double> r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-DoubleLn2High), clamped);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-DoubleLn2Low), r);
        Vector128<double> p = Vector128.FusedMultiplyAdd(Vector128.Create(DoubleExpC11), r, Vector128.Create(DoubleExpC10));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC9));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC8));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC7));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC6));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC5));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC4));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(DoubleExpC3));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5));
        Vector128<double> s = Vector128.FusedMultiplyAdd(p, r * r, r);
        Vector128<long> u = t.AsInt64() - Vector128.Create(DoubleScaleBias);
        Vector128<long> half = Vector128.ShiftRightLogical(u, 1);
        Vector128<double> scale1 = Vector128.ShiftLeft(half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> scale2 = Vector128.ShiftLeft(u - half - Vector128<long>.One, 52).AsDouble();
        Vector128<double> result = Vector128.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector128.ConditionalSelect(Vector128.IsNaN(x), x, result);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> clamped = Vector256.ClampNative(x, Vector256.Create(DoubleExpLowest), Vector256.Create(DoubleExpHighest));
        Vector256<double> t = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(DoubleLog2E), Vector256.Create(DoubleRoundingShift));
        Vector256<double> k = t - Vector256.Create(DoubleRoundingShift);
        Vector256<double> r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-DoubleLn2High), clamped);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-DoubleLn2Low), r);
        Vector256<double> p = Vector256.FusedMultiplyAdd(Vector256.Create(DoubleExpC11), r, Vector256.Create(DoubleExpC10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(DoubleExpC3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        Vector256<double> s = Vector256.FusedMultiplyAdd(p, r * r, r);
        Vector256<long> u = t.AsInt64() - Vector256.Create(DoubleScaleBias);
        Vector256<long> half = Vector256.ShiftRightLogical(u, 1);
        Vector256<double> scale1 = Vector256.ShiftLeft(half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> scale2 = Vector256.ShiftLeft(u - half - Vector256<long>.One, 52).AsDouble();
        Vector256<double> result = Vector256.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector256.ConditionalSelect(Vector256.IsNaN(x), x, result);
    }

    /// <inheritdoc cref="Exp(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        Vector512<double> clamped = Vector512.ClampNative(x, Vector512.Create(DoubleExpLowest), Vector512.Create(DoubleExpHighest));
        Vector512<double> t = Vector512.FusedMultiplyAdd(clamped, Vector512.Create(DoubleLog2E), Vector512.Create(DoubleRoundingShift));
        Vector512<double> k = t - Vector512.Create(DoubleRoundingShift);
        Vector512<double> r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-DoubleLn2High), clamped);
        r = Vector512.FusedMultiplyAdd(k, Vector512.Create(-DoubleLn2Low), r);
        Vector512<double> p = Vector512.FusedMultiplyAdd(Vector512.Create(DoubleExpC11), r, Vector512.Create(DoubleExpC10));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC9));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC8));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC7));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(DoubleExpC3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        Vector512<double> s = Vector512.FusedMultiplyAdd(p, r * r, r);
        Vector512<long> u = t.AsInt64() - Vector512.Create(DoubleScaleBias);
        Vector512<long> half = Vector512.ShiftRightLogical(u, 1);
        Vector512<double> scale1 = Vector512.ShiftLeft(half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> scale2 = Vector512.ShiftLeft(u - half - Vector512<long>.One, 52).AsDouble();
        Vector512<double> result = Vector512.FusedMultiplyAdd(s, scale1, scale1) * scale2;
        return Vector512.ConditionalSelect(Vector512.IsNaN(x), x, result);
    }
}
