using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // erfc t = e^−t²·G(u)/(t + c) with u = (t − c)/(t + c), for t from 0 to 27.5: G is smooth on
    // u's whole range (t → ∞ is u → 1, where G tends to 1/√π) and a polynomial of degree 22 fits it
    // (a Chebyshev interpolant computed for this file, to within 5.7e−18 of G, which lies
    // between 0.56 and c).
    private const double DoubleErfcShift = 4;
    private static ReadOnlySpan<double> DoubleErfcCoefficients =>
    [
        8.892365082453874e-10,
        -6.973176548183894e-10,
        -1.5224847883687636e-08,
        3.5265157733176998e-09,
        1.2408010985923537e-07,
        -7.912789673646787e-08,
        -8.464456189715969e-07,
        1.4269062796438086e-06,
        4.694725890285188e-06,
        -1.8862141788750368e-05,
        -3.635338935865469e-06,
        0.0001768131875167485,
        -0.00045505263527494783,
        -0.00028095893420234937,
        0.0061120556477607425,
        -0.026370053332541235,
        0.07638151491000642,
        -0.17401093724042524,
        0.3308515878779825,
        -0.5408538313132207,
        0.7732087022652375,
        -0.9765487290808821,
        1.095995661000491,
    ];

    // Past this t, erfc t is below half the smallest subnormal double.
    private const double DoubleErfcLimit = 27.5;

    // erf x = x·(2/√π + z·P(z)) with z = x² below the split, P of degree 9 fitted the same way (to within
    // 6e−18); 2/√π in two parts, so that erf stays within its bound for the tiniest x.
    private const double DoubleErfSplit = 0.75;

    // Below this t, erf t is under ½, and erfc t = 1 − erf t (with erf's polynomial) loses at most
    // erf's own error: near t = 0, G(u)'s sensitivity to u's rounding would cost more.
    private const double DoubleErfcSplit = 0.47;
    private const double DoubleTwoOverSqrtPiHigh = 1.1283791670955126;
    private const double DoubleTwoOverSqrtPiLow = 1.533545961316588e-17;
    private static ReadOnlySpan<double> DoubleErfCoefficients =>
    [
        1.1744139870163019e-08,
        -1.601458642830477e-07,
        1.6439340260552755e-06,
        -1.4924750398741759e-05,
        0.00012055310875465496,
        -0.0008548326692036116,
        0.00522397762258367,
        -0.026866170645005898,
        0.11283791670954912,
        -0.37612638903183754,
    ];

    /// <summary>
    /// scale·erfc(hi + lo) for hi ≥ 0 (or NaN), with lo a correction far below hi's last bit, and e^−(hi + lo)², the
    /// exponential it is made from.
    /// </summary>
    /// <remarks>
    /// t = hi + lo is squared exactly (a fused multiply-add keeps the square's rounding error, and lo adds
    /// 2·hi·lo), so that e^−t² carries no error from t² that would grow with t²; the exponential's own last
    /// rounding (<see cref="ExpWithTail(double)"/>) and the rounding errors of t + c and of the quotient
    /// G/(t + c), times scale, are carried to the last product, so the error is G's (its fit and its evaluation) and
    /// that product's. Below t = 0.47, 1 − erf(hi + lo) instead, with erf(hi + lo) = erf hi + lo·(2/√π)·e^−hi² to
    /// first order. Scaling before that product rounds a subnormal result once, where scaling after it
    /// would multiply the subnormal's rounding error by scale.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Erfc, double Gaussian) ErfcWithGaussian(double hi, double lo, double scale)
    {
        double t = Math.Min(hi, DoubleErfcLimit);
        double s = t * t;
        double sTail = Math.FusedMultiplyAdd(t, t, -s) + (t + t) * lo;
        var (value, valueTail) = ExpWithTail(-s);
        double gaussianTail = Math.FusedMultiplyAdd(-value, sTail, valueTail);
        double d = t + DoubleErfcShift;
        double b = d - t;
        double dTail = (t - (d - b)) + (DoubleErfcShift - b);
        double g = Polynomial(DoubleErfcCoefficients, (t - DoubleErfcShift) / d);
        double q = g / d;
        double qTail = Math.FusedMultiplyAdd(-q, dTail, Math.FusedMultiplyAdd(-q, d, g)) / d;
        double scaled = q * scale;
        double scaledTail = Math.FusedMultiplyAdd(q, scale, -scaled) + qTail * scale;
        double far = Math.FusedMultiplyAdd(value, scaled, Math.FusedMultiplyAdd(gaussianTail, scaled, value * scaledTail));
        double erf = Math.FusedMultiplyAdd(t, DoubleTwoOverSqrtPiHigh, Math.FusedMultiplyAdd(t, Math.FusedMultiplyAdd(s, Polynomial(DoubleErfCoefficients, s), DoubleTwoOverSqrtPiLow), lo * DoubleTwoOverSqrtPiHigh * value));
        double near = (1.0 - erf) * scale;
        return (t < DoubleErfcSplit ? near : far, value + gaussianTail);
    }

    /// <summary><c>erf x = (2/√π)·∫₀ˣ e^−s² ds</c> in double, within 1.5 ulp of the exact value.</summary>
    /// <remarks>
    /// <para>
    /// Below |x| = 0.75, x·(2/√π + x²·P(x²)), a polynomial fit, accurate down to the subnormals; above, ±(1 − erfc|x|)
    /// from <see cref="Erfc(double)"/>, which cannot cancel there (erfc|x| ≤ 0.29).
    /// </para>
    /// <para>
    /// Error: 1.5 ulp stated, 1.13 (0.57 on the tiny ones) measured over dense sweeps of [−6, 6] and of ±10^[−300, 0]
    /// (ErfAccuracyTests). erf ±0 = ±0, erf ±∞ = ±1, erf NaN = NaN.
    /// </para>
    /// </remarks>
    public static double Erf(double x)
    {
        double a = Math.Abs(x);
        double z = a * a;
        double small = Math.FusedMultiplyAdd(a, DoubleTwoOverSqrtPiHigh, a * Math.FusedMultiplyAdd(z, Polynomial(DoubleErfCoefficients, z), DoubleTwoOverSqrtPiLow));
        double large = 1.0 - ErfcWithGaussian(a, 0, 1).Erfc;
        return Math.CopySign(a < DoubleErfSplit ? small : large, x);
    }

    /// <summary><c>erfc x = 1 − erf x</c> in double, within 3 ulp of the exact value, without cancellation where it is small.</summary>
    /// <remarks>
    /// <para>
    /// For x ≥ 0.47, e^−x²·G(u)/(x + c) as above, relative to erfc x itself all the way to where it underflows
    /// (x about 27.2); below, 1 − erf x; for x &lt; 0, 2 − erfc|x|.
    /// </para>
    /// <para>
    /// Error: 3 ulp stated, 2.57 measured over a dense sweep of [−6, 27.5], subnormal results included
    /// (ErfAccuracyTests). erfc −∞ = 2, erfc +∞ = 0, erfc NaN = NaN.
    /// </para>
    /// </remarks>
    public static double Erfc(double x)
    {
        double e = ErfcWithGaussian(Math.Abs(x), 0, 1).Erfc;
        return x < 0 ? 2.0 - e : e;
    }

    /// <inheritdoc cref="Polynomial{T, TWidth, TVector}(ReadOnlySpan{T}, TVector)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Polynomial(ReadOnlySpan<double> c, double u)
    {
        double p = c[0];
        for (int i = 1; i < c.Length; i++)
            p = Math.FusedMultiplyAdd(p, u, c[i]);
        return p;
    }

    /// <inheritdoc cref="Erf(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Erf(Vector128<double> x) => DoubleErf<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="Erf(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Erf(Vector256<double> x) => DoubleErf<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="Erf(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erf(Vector512<double> x) => DoubleErf<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="Erfc(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Erfc(Vector128<double> x) => DoubleErfc<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="Erfc(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Erfc(Vector256<double> x) => DoubleErfc<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="Erfc(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Erfc(Vector512<double> x) => DoubleErfc<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="ErfcWithGaussian(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Erfc, TVector Gaussian) DoubleErfcWithGaussian<TWidth, TVector>(TVector hi, TVector lo, TVector scale)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector shift = TWidth.Broadcast(DoubleErfcShift);
        TVector t = AtMost<double, TWidth, TVector>(hi, TWidth.Broadcast(DoubleErfcLimit));
        TVector s = TWidth.Multiply(t, t);
        TVector sTail = TWidth.Add(TWidth.FusedMultiplyAdd(t, t, TWidth.Negate(s)), TWidth.Multiply(TWidth.Add(t, t), lo));
        var (value, valueTail) = DoubleExpWithTail<TWidth, TVector>(TWidth.Negate(s), ExpRange.NonPositive);
        TVector gaussianTail = TWidth.FusedMultiplyAdd(TWidth.Negate(value), sTail, valueTail);
        TVector d = TWidth.Add(t, shift);
        TVector b = TWidth.Subtract(d, t);
        TVector dTail = TWidth.Add(TWidth.Subtract(t, TWidth.Subtract(d, b)), TWidth.Subtract(shift, b));
        TVector g = Polynomial<double, TWidth, TVector>(DoubleErfcCoefficients, TWidth.Divide(TWidth.Subtract(t, shift), d));
        TVector q = TWidth.Divide(g, d);
        TVector qTail = TWidth.Divide(TWidth.FusedMultiplyAdd(TWidth.Negate(q), dTail, TWidth.FusedMultiplyAdd(TWidth.Negate(q), d, g)), d);
        TVector scaled = TWidth.Multiply(q, scale);
        TVector scaledTail = TWidth.Add(TWidth.FusedMultiplyAdd(q, scale, TWidth.Negate(scaled)), TWidth.Multiply(qTail, scale));
        TVector far = TWidth.FusedMultiplyAdd(value, scaled, TWidth.FusedMultiplyAdd(gaussianTail, scaled, TWidth.Multiply(value, scaledTail)));
        TVector twoOverSqrtPi = TWidth.Broadcast(DoubleTwoOverSqrtPiHigh);
        TVector erf = TWidth.FusedMultiplyAdd(
            t,
            twoOverSqrtPi,
            TWidth.FusedMultiplyAdd(t, TWidth.FusedMultiplyAdd(s, Polynomial<double, TWidth, TVector>(DoubleErfCoefficients, s), TWidth.Broadcast(DoubleTwoOverSqrtPiLow)), TWidth.Multiply(TWidth.Multiply(lo, twoOverSqrtPi), value)));
        TVector near = TWidth.Multiply(TWidth.Subtract(TWidth.One, erf), scale);
        return (TWidth.ConditionalSelect(TWidth.LessThan(t, TWidth.Broadcast(DoubleErfcSplit)), near, far), TWidth.Add(value, gaussianTail));
    }

    /// <inheritdoc cref="Erf(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleErf<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector a = TWidth.Abs(x);
        TVector z = TWidth.Multiply(a, a);
        TVector small = TWidth.FusedMultiplyAdd(
            a,
            TWidth.Broadcast(DoubleTwoOverSqrtPiHigh),
            TWidth.Multiply(a, TWidth.FusedMultiplyAdd(z, Polynomial<double, TWidth, TVector>(DoubleErfCoefficients, z), TWidth.Broadcast(DoubleTwoOverSqrtPiLow))));
        TVector large = TWidth.Subtract(TWidth.One, DoubleErfcWithGaussian<TWidth, TVector>(a, TWidth.Zero, TWidth.One).Erfc);
        return TWidth.CopySign(TWidth.ConditionalSelect(TWidth.LessThan(a, TWidth.Broadcast(DoubleErfSplit)), small, large), x);
    }

    /// <inheritdoc cref="Erfc(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleErfc<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector e = DoubleErfcWithGaussian<TWidth, TVector>(TWidth.Abs(x), TWidth.Zero, TWidth.One).Erfc;
        return TWidth.ConditionalSelect(TWidth.LessThan(x, TWidth.Zero), TWidth.Subtract(TWidth.Broadcast(2.0), e), e);
    }
}
