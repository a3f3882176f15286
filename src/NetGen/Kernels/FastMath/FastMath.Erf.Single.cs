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

    /// <inheritdoc cref="Polynomial(ReadOnlySpan{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Polynomial(ReadOnlySpan<float> c, float u)
    {
        float p = c[0];
        for (int i = 1; i < c.Length; i++)
            p = MathF.FusedMultiplyAdd(p, u, c[i]);
        return p;
    }

    /// <inheritdoc cref="ErfcWithGaussian(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<float> Erfc, Vector128<float> Gaussian) ErfcWithGaussian(Vector128<float> hi, Vector128<float> lo, Vector128<float> scale)
    {
        Vector128<float> shift = Vector128.Create(SingleErfcShift);
        Vector128<float> t = Vector128.Min(hi, Vector128.Create(SingleErfcLimit));
        Vector128<float> s = t * t;
        Vector128<float> sTail = Vector128.FusedMultiplyAdd(t, t, -s) + (t + t) * lo;
        var (value, valueTail) = ExpWithTail(-s, ExpRange.NonPositive);
        Vector128<float> gaussianTail = Vector128.FusedMultiplyAdd(-value, sTail, valueTail);
        Vector128<float> d = t + shift;
        Vector128<float> b = d - t;
        Vector128<float> dTail = (t - (d - b)) + (shift - b);
        Vector128<float> g = Polynomial(SingleErfcCoefficients, (t - shift) / d);
        Vector128<float> q = g / d;
        Vector128<float> qTail = Vector128.FusedMultiplyAdd(-q, dTail, Vector128.FusedMultiplyAdd(-q, d, g)) / d;
        Vector128<float> scaled = q * scale;
        Vector128<float> scaledTail = Vector128.FusedMultiplyAdd(q, scale, -scaled) + qTail * scale;
        Vector128<float> far = Vector128.FusedMultiplyAdd(value, scaled, Vector128.FusedMultiplyAdd(gaussianTail, scaled, value * scaledTail));
        Vector128<float> twoOverSqrtPi = Vector128.Create(SingleTwoOverSqrtPiHigh);
        Vector128<float> erf = Vector128.FusedMultiplyAdd(t, twoOverSqrtPi, Vector128.FusedMultiplyAdd(t, Vector128.FusedMultiplyAdd(s, Polynomial(SingleErfCoefficients, s), Vector128.Create(SingleTwoOverSqrtPiLow)), lo * twoOverSqrtPi * value));
        Vector128<float> near = (Vector128<float>.One - erf) * scale;
        return (Vector128.ConditionalSelect(Vector128.LessThan(t, Vector128.Create(SingleErfcSplit)), near, far), value + gaussianTail);
    }

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erf(Vector128<float> x)
    {
        Vector128<float> a = Vector128.Abs(x);
        Vector128<float> z = a * a;
        Vector128<float> small = Vector128.FusedMultiplyAdd(a, Vector128.Create(SingleTwoOverSqrtPiHigh),
            a * Vector128.FusedMultiplyAdd(z, Polynomial(SingleErfCoefficients, z), Vector128.Create(SingleTwoOverSqrtPiLow)));
        Vector128<float> large = Vector128<float>.One - ErfcWithGaussian(a, Vector128<float>.Zero, Vector128<float>.One).Erfc;
        return Vector128.CopySign(Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(SingleErfSplit)), small, large), x);
    }

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erfc(Vector128<float> x)
    {
        Vector128<float> e = ErfcWithGaussian(Vector128.Abs(x), Vector128<float>.Zero, Vector128<float>.One).Erfc;
        return Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), Vector128.Create(2f) - e, e);
    }

    /// <summary>The polynomial with coefficients <paramref name="c"/> (highest degree first) at <paramref name="u"/>, by Horner's rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Polynomial(ReadOnlySpan<float> c, Vector128<float> u)
    {
        Vector128<float> p = Vector128.Create(c[0]);
        for (int i = 1; i < c.Length; i++)
            p = Vector128.FusedMultiplyAdd(p, u, Vector128.Create(c[i]));
        return p;
    }

    /// <inheritdoc cref="ErfcWithGaussian(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Erfc, Vector256<float> Gaussian) ErfcWithGaussian(Vector256<float> hi, Vector256<float> lo, Vector256<float> scale)
    {
        Vector256<float> shift = Vector256.Create(SingleErfcShift);
        Vector256<float> t = Vector256.Min(hi, Vector256.Create(SingleErfcLimit));
        Vector256<float> s = t * t;
        Vector256<float> sTail = Vector256.FusedMultiplyAdd(t, t, -s) + (t + t) * lo;
        var (value, valueTail) = ExpWithTail(-s, ExpRange.NonPositive);
        Vector256<float> gaussianTail = Vector256.FusedMultiplyAdd(-value, sTail, valueTail);
        Vector256<float> d = t + shift;
        Vector256<float> b = d - t;
        Vector256<float> dTail = (t - (d - b)) + (shift - b);
        Vector256<float> g = Polynomial(SingleErfcCoefficients, (t - shift) / d);
        Vector256<float> q = g / d;
        Vector256<float> qTail = Vector256.FusedMultiplyAdd(-q, dTail, Vector256.FusedMultiplyAdd(-q, d, g)) / d;
        Vector256<float> scaled = q * scale;
        Vector256<float> scaledTail = Vector256.FusedMultiplyAdd(q, scale, -scaled) + qTail * scale;
        Vector256<float> far = Vector256.FusedMultiplyAdd(value, scaled, Vector256.FusedMultiplyAdd(gaussianTail, scaled, value * scaledTail));
        Vector256<float> twoOverSqrtPi = Vector256.Create(SingleTwoOverSqrtPiHigh);
        Vector256<float> erf = Vector256.FusedMultiplyAdd(t, twoOverSqrtPi, Vector256.FusedMultiplyAdd(t, Vector256.FusedMultiplyAdd(s, Polynomial(SingleErfCoefficients, s), Vector256.Create(SingleTwoOverSqrtPiLow)), lo * twoOverSqrtPi * value));
        Vector256<float> near = (Vector256<float>.One - erf) * scale;
        return (Vector256.ConditionalSelect(Vector256.LessThan(t, Vector256.Create(SingleErfcSplit)), near, far), value + gaussianTail);
    }

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erf(Vector256<float> x)
    {
        Vector256<float> a = Vector256.Abs(x);
        Vector256<float> z = a * a;
        Vector256<float> small = Vector256.FusedMultiplyAdd(a, Vector256.Create(SingleTwoOverSqrtPiHigh),
            a * Vector256.FusedMultiplyAdd(z, Polynomial(SingleErfCoefficients, z), Vector256.Create(SingleTwoOverSqrtPiLow)));
        Vector256<float> large = Vector256<float>.One - ErfcWithGaussian(a, Vector256<float>.Zero, Vector256<float>.One).Erfc;
        return Vector256.CopySign(Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(SingleErfSplit)), small, large), x);
    }

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erfc(Vector256<float> x)
    {
        Vector256<float> e = ErfcWithGaussian(Vector256.Abs(x), Vector256<float>.Zero, Vector256<float>.One).Erfc;
        return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), Vector256.Create(2f) - e, e);
    }

    /// <summary>The polynomial with coefficients <paramref name="c"/> (highest degree first) at <paramref name="u"/>, by Horner's rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Polynomial(ReadOnlySpan<float> c, Vector256<float> u)
    {
        Vector256<float> p = Vector256.Create(c[0]);
        for (int i = 1; i < c.Length; i++)
            p = Vector256.FusedMultiplyAdd(p, u, Vector256.Create(c[i]));
        return p;
    }

    /// <inheritdoc cref="ErfcWithGaussian(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> Erfc, Vector512<float> Gaussian) ErfcWithGaussian(Vector512<float> hi, Vector512<float> lo, Vector512<float> scale)
    {
        Vector512<float> shift = Vector512.Create(SingleErfcShift);
        Vector512<float> t = Vector512.Min(hi, Vector512.Create(SingleErfcLimit));
        Vector512<float> s = t * t;
        Vector512<float> sTail = Vector512.FusedMultiplyAdd(t, t, -s) + (t + t) * lo;
        var (value, valueTail) = ExpWithTail(-s, ExpRange.NonPositive);
        Vector512<float> gaussianTail = Vector512.FusedMultiplyAdd(-value, sTail, valueTail);
        Vector512<float> d = t + shift;
        Vector512<float> b = d - t;
        Vector512<float> dTail = (t - (d - b)) + (shift - b);
        Vector512<float> g = Polynomial(SingleErfcCoefficients, (t - shift) / d);
        Vector512<float> q = g / d;
        Vector512<float> qTail = Vector512.FusedMultiplyAdd(-q, dTail, Vector512.FusedMultiplyAdd(-q, d, g)) / d;
        Vector512<float> scaled = q * scale;
        Vector512<float> scaledTail = Vector512.FusedMultiplyAdd(q, scale, -scaled) + qTail * scale;
        Vector512<float> far = Vector512.FusedMultiplyAdd(value, scaled, Vector512.FusedMultiplyAdd(gaussianTail, scaled, value * scaledTail));
        Vector512<float> twoOverSqrtPi = Vector512.Create(SingleTwoOverSqrtPiHigh);
        Vector512<float> erf = Vector512.FusedMultiplyAdd(t, twoOverSqrtPi, Vector512.FusedMultiplyAdd(t, Vector512.FusedMultiplyAdd(s, Polynomial(SingleErfCoefficients, s), Vector512.Create(SingleTwoOverSqrtPiLow)), lo * twoOverSqrtPi * value));
        Vector512<float> near = (Vector512<float>.One - erf) * scale;
        return (Vector512.ConditionalSelect(Vector512.LessThan(t, Vector512.Create(SingleErfcSplit)), near, far), value + gaussianTail);
    }

    /// <inheritdoc cref="Erf(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erf(Vector512<float> x)
    {
        Vector512<float> a = Vector512.Abs(x);
        Vector512<float> z = a * a;
        Vector512<float> small = Vector512.FusedMultiplyAdd(a, Vector512.Create(SingleTwoOverSqrtPiHigh),
            a * Vector512.FusedMultiplyAdd(z, Polynomial(SingleErfCoefficients, z), Vector512.Create(SingleTwoOverSqrtPiLow)));
        Vector512<float> large = Vector512<float>.One - ErfcWithGaussian(a, Vector512<float>.Zero, Vector512<float>.One).Erfc;
        return Vector512.CopySign(Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(SingleErfSplit)), small, large), x);
    }

    /// <inheritdoc cref="Erfc(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erfc(Vector512<float> x)
    {
        Vector512<float> e = ErfcWithGaussian(Vector512.Abs(x), Vector512<float>.Zero, Vector512<float>.One).Erfc;
        return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), Vector512.Create(2f) - e, e);
    }

    /// <summary>The polynomial with coefficients <paramref name="c"/> (highest degree first) at <paramref name="u"/>, by Horner's rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Polynomial(ReadOnlySpan<float> c, Vector512<float> u)
    {
        Vector512<float> p = Vector512.Create(c[0]);
        for (int i = 1; i < c.Length; i++)
            p = Vector512.FusedMultiplyAdd(p, u, Vector512.Create(c[i]));
        return p;
    }
}
