using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // erfc t = e^−t²·G(u)/(t + c) with u = (t − c)/(t + c), for t from 0 to 10.5: G is smooth on
    // u's whole range (t → ∞ is u → 1, where G tends to 1/√π) and a polynomial of degree 10 fits it
    // (a Chebyshev interpolant computed for this file, to within 2.6e−9 of G, which lies
    // between 0.56 and c).
    private const float SingleErfcShift = 3f;
    private static ReadOnlySpan<float> SingleErfcCoefficients =>
    [
        -1.0881946852738702e-06f,
        -0.0003294517580091495f,
        -0.00048565773375207837f,
        0.0030836965026036526f,
        -0.0012236998236023935f,
        -0.02684072490318169f,
        0.11952829959305035f,
        -0.3104659072170755f,
        0.5902283635198738f,
        -0.883394490593955f,
        1.0740069069724196f,
    ];

    // Past this t, erfc t is below half the smallest subnormal float.
    private const float SingleErfcLimit = 10.5f;

    // erf x = x·(2/√π + z·P(z)) with z = x² below the split, P of degree 4 fitted the same way (to within
    // 1.2e−8); 2/√π in two parts, so that erf stays within its bound for the tiniest x.
    private const float SingleErfSplit = 0.75f;

    // Below this t, erf t is under ½, and erfc t = 1 − erf t (with erf's polynomial) loses at most
    // erf's own error: near t = 0, G(u)'s sensitivity to u's rounding would cost more.
    private const float SingleErfcSplit = 0.47f;
    private const float SingleTwoOverSqrtPiHigh = 1.128379225730896f;
    private const float SingleTwoOverSqrtPiLow = -5.8635382771399236e-08f;
    private static ReadOnlySpan<float> SingleErfCoefficients =>
    [
        -0.0007029905100353062f,
        0.005151909776031971f,
        -0.026851927861571312f,
        0.11283691972494125f,
        -0.37612637877464294f,
    ];

    /// <summary>
    /// scale·erfc(hi + lo) for hi ≥ 0 (or NaN), with lo a correction far below hi's last bit, and e^−(hi + lo)², the
    /// exponential it is made from.
    /// </summary>
    /// <remarks>
    /// t = hi + lo is squared exactly (a fused multiply-add keeps the square's rounding error, and lo adds
    /// 2·hi·lo), so that e^−t² carries no error from t² that would grow with t²; the exponential's own last
    /// rounding (<see cref="ExpWithTail(float)"/>) and the rounding errors of t + c and of the quotient
    /// G/(t + c), times scale, are carried to the last product, so the error is G's (its fit and its evaluation) and
    /// that product's. Below t = 0.47, 1 − erf(hi + lo) instead, with erf(hi + lo) = erf hi + lo·(2/√π)·e^−hi² to
    /// first order. Scaling before that product rounds a subnormal result once, where scaling after it
    /// would multiply the subnormal's rounding error by scale.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (float Erfc, float Gaussian) ErfcWithGaussian(float hi, float lo, float scale)
    {
        float t = MathF.Min(hi, SingleErfcLimit);
        float s = t * t;
        float sTail = MathF.FusedMultiplyAdd(t, t, -s) + (t + t) * lo;
        var (value, valueTail) = ExpWithTail(-s);
        float gaussianTail = MathF.FusedMultiplyAdd(-value, sTail, valueTail);
        float d = t + SingleErfcShift;
        float b = d - t;
        float dTail = (t - (d - b)) + (SingleErfcShift - b);
        float g = Polynomial(SingleErfcCoefficients, (t - SingleErfcShift) / d);
        float q = g / d;
        float qTail = MathF.FusedMultiplyAdd(-q, dTail, MathF.FusedMultiplyAdd(-q, d, g)) / d;
        float scaled = q * scale;
        float scaledTail = MathF.FusedMultiplyAdd(q, scale, -scaled) + qTail * scale;
        float far = MathF.FusedMultiplyAdd(value, scaled, MathF.FusedMultiplyAdd(gaussianTail, scaled, value * scaledTail));
        float erf = MathF.FusedMultiplyAdd(t, SingleTwoOverSqrtPiHigh, MathF.FusedMultiplyAdd(t, MathF.FusedMultiplyAdd(s, Polynomial(SingleErfCoefficients, s), SingleTwoOverSqrtPiLow), lo * SingleTwoOverSqrtPiHigh * value));
        float near = (1f - erf) * scale;
        return (t < SingleErfcSplit ? near : far, value + gaussianTail);
    }

    /// <summary><c>erf x = (2/√π)·∫₀ˣ e^−s² ds</c> in float, within 1.5 ulp of the exact value.</summary>
    /// <remarks>
    /// <para>
    /// Below |x| = 0.75, x·(2/√π + x²·P(x²)), a polynomial fit, accurate down to the subnormals; above, ±(1 − erfc|x|)
    /// from <see cref="Erfc(float)"/>, which cannot cancel there (erfc|x| ≤ 0.29).
    /// </para>
    /// <para>
    /// Error: 1.5 ulp stated, 1.21 (0.81 on the tiny ones) measured over dense sweeps of [−6, 6] and of ±10^[−45, 0]
    /// (ErfAccuracyTests). erf ±0 = ±0, erf ±∞ = ±1, erf NaN = NaN.
    /// </para>
    /// </remarks>
    public static float Erf(float x)
    {
        float a = MathF.Abs(x);
        float z = a * a;
        float small = MathF.FusedMultiplyAdd(a, SingleTwoOverSqrtPiHigh, a * MathF.FusedMultiplyAdd(z, Polynomial(SingleErfCoefficients, z), SingleTwoOverSqrtPiLow));
        float large = 1f - ErfcWithGaussian(a, 0, 1).Erfc;
        return MathF.CopySign(a < SingleErfSplit ? small : large, x);
    }

    /// <summary><c>erfc x = 1 − erf x</c> in float, within 3 ulp of the exact value, without cancellation where it is small.</summary>
    /// <remarks>
    /// <para>
    /// For x ≥ 0.47, e^−x²·G(u)/(x + c) as above, relative to erfc x itself all the way to where it underflows
    /// (x about 10.05); below, 1 − erf x; for x &lt; 0, 2 − erfc|x|.
    /// </para>
    /// <para>
    /// Error: 3 ulp stated, 2.45 measured over a dense sweep of [−6, 10.5], subnormal results included
    /// (ErfAccuracyTests). erfc −∞ = 2, erfc +∞ = 0, erfc NaN = NaN.
    /// </para>
    /// </remarks>
    public static float Erfc(float x)
    {
        float e = ErfcWithGaussian(MathF.Abs(x), 0, 1).Erfc;
        return x < 0 ? 2f - e : e;
    }

    /// <inheritdoc cref="Polynomial{T, TWidth, TVector}(ReadOnlySpan{T}, TVector)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Polynomial(ReadOnlySpan<float> c, float u)
    {
        float p = c[0];
        for (int i = 1; i < c.Length; i++)
            p = MathF.FusedMultiplyAdd(p, u, c[i]);
        return p;
    }

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erf(Vector128<float> x) => SingleErf<Width128<float>, Vector128<float>>(x);

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erf(Vector256<float> x) => SingleErf<Width256<float>, Vector256<float>>(x);

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erf(Vector512<float> x) => SingleErf<Width512<float>, Vector512<float>>(x);

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erfc(Vector128<float> x) => SingleErfc<Width128<float>, Vector128<float>>(x);

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erfc(Vector256<float> x) => SingleErfc<Width256<float>, Vector256<float>>(x);

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erfc(Vector512<float> x) => SingleErfc<Width512<float>, Vector512<float>>(x);

    /// <inheritdoc cref="ErfcWithGaussian(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Erfc, TVector Gaussian) SingleErfcWithGaussian<TWidth, TVector>(TVector hi, TVector lo, TVector scale)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector shift = TWidth.Broadcast(SingleErfcShift);
        TVector t = AtMost<float, TWidth, TVector>(hi, TWidth.Broadcast(SingleErfcLimit));
        TVector s = TWidth.Multiply(t, t);
        TVector sTail = TWidth.Add(TWidth.FusedMultiplyAdd(t, t, TWidth.Negate(s)), TWidth.Multiply(TWidth.Add(t, t), lo));
        var (value, valueTail) = SingleExpWithTail<TWidth, TVector>(TWidth.Negate(s), ExpRange.NonPositive);
        TVector gaussianTail = TWidth.FusedMultiplyAdd(TWidth.Negate(value), sTail, valueTail);
        TVector d = TWidth.Add(t, shift);
        TVector b = TWidth.Subtract(d, t);
        TVector dTail = TWidth.Add(TWidth.Subtract(t, TWidth.Subtract(d, b)), TWidth.Subtract(shift, b));
        TVector g = Polynomial<float, TWidth, TVector>(SingleErfcCoefficients, TWidth.Divide(TWidth.Subtract(t, shift), d));
        TVector q = TWidth.Divide(g, d);
        TVector qTail = TWidth.Divide(TWidth.FusedMultiplyAdd(TWidth.Negate(q), dTail, TWidth.FusedMultiplyAdd(TWidth.Negate(q), d, g)), d);
        TVector scaled = TWidth.Multiply(q, scale);
        TVector scaledTail = TWidth.Add(TWidth.FusedMultiplyAdd(q, scale, TWidth.Negate(scaled)), TWidth.Multiply(qTail, scale));
        TVector far = TWidth.FusedMultiplyAdd(value, scaled, TWidth.FusedMultiplyAdd(gaussianTail, scaled, TWidth.Multiply(value, scaledTail)));
        TVector twoOverSqrtPi = TWidth.Broadcast(SingleTwoOverSqrtPiHigh);
        TVector erf = TWidth.FusedMultiplyAdd(
            t,
            twoOverSqrtPi,
            TWidth.FusedMultiplyAdd(t, TWidth.FusedMultiplyAdd(s, Polynomial<float, TWidth, TVector>(SingleErfCoefficients, s), TWidth.Broadcast(SingleTwoOverSqrtPiLow)), TWidth.Multiply(TWidth.Multiply(lo, twoOverSqrtPi), value)));
        TVector near = TWidth.Multiply(TWidth.Subtract(TWidth.One, erf), scale);
        return (TWidth.ConditionalSelect(TWidth.LessThan(t, TWidth.Broadcast(SingleErfcSplit)), near, far), TWidth.Add(value, gaussianTail));
    }

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SingleErf<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector a = TWidth.Abs(x);
        TVector z = TWidth.Multiply(a, a);
        TVector small = TWidth.FusedMultiplyAdd(
            a,
            TWidth.Broadcast(SingleTwoOverSqrtPiHigh),
            TWidth.Multiply(a, TWidth.FusedMultiplyAdd(z, Polynomial<float, TWidth, TVector>(SingleErfCoefficients, z), TWidth.Broadcast(SingleTwoOverSqrtPiLow))));
        TVector large = TWidth.Subtract(TWidth.One, SingleErfcWithGaussian<TWidth, TVector>(a, TWidth.Zero, TWidth.One).Erfc);
        return TWidth.CopySign(TWidth.ConditionalSelect(TWidth.LessThan(a, TWidth.Broadcast(SingleErfSplit)), small, large), x);
    }

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SingleErfc<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector e = SingleErfcWithGaussian<TWidth, TVector>(TWidth.Abs(x), TWidth.Zero, TWidth.One).Erfc;
        return TWidth.ConditionalSelect(TWidth.LessThan(x, TWidth.Zero), TWidth.Subtract(TWidth.Broadcast(2f), e), e);
    }
}
