using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // 1/√2 in two parts: |x|·SqrtHalfHigh + |x|·SqrtHalfLow is |x|/√2 to about twice double's precision.
    private const double DoubleSqrtHalfHigh = 0.7071067811865476;
    private const double DoubleSqrtHalfLow = -4.833646656726457e-17;
    private const double DoubleInverseSqrtTwoPi = 0.3989422804014327;

    // Past this |x|, |x|/√2 is past erfc's limit, where Φ is 0 or 1; clamping first keeps ∞ out of the split of |x|/√2.
    private const double DoubleStandardNormalLimit = 39;

    /// <summary>
    /// The standard normal distribution at x: its cumulative distribution <c>Φ(x) = ½·erfc(−x/√2)</c>, times
    /// <paramref name="scale"/>, and its density <c>φ(x) = e^−x²/2 / √(2π)</c>: GELU is x·Φ(x) with scale x,
    /// its derivative Φ(x) + x·φ(x) with scale 1.
    /// </summary>
    /// <remarks>
    /// t = |x|/√2 is carried as hi + lo (the product's rounding error kept by a fused multiply-add, 1/√2 in
    /// two parts) into <see cref="ErfcWithGaussian(double, double, double)"/>: rounded once, t would cost Φ about
    /// 2t² ulps of its relative accuracy where x is negative and Φ is small. scale·Φ is scale·½·erfc t for x &lt; 0,
    /// rounded once (where it is subnormal, its rounding is not multiplied by scale afterwards), and
    /// scale·(1 − ½·erfc t) otherwise, which cannot cancel (½·erfc t ≤ ½). GELU, x·Φ(x), is tested to its bound
    /// over every 2⁻⁸ on [−30, 30] (ActivationAccuracyTests). NaN gives NaN.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double ScaledCdf, double Density) StandardNormal(double x, double scale)
    {
        double a = Math.Min(Math.Abs(x), DoubleStandardNormalLimit);
        double hi = a * DoubleSqrtHalfHigh;
        double lo = Math.FusedMultiplyAdd(a, DoubleSqrtHalfHigh, -hi) + a * DoubleSqrtHalfLow;
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, 0.5 * (x < 0 ? scale : 1.0));
        return (x < 0 ? tail : scale * (1.0 - tail), gaussian * DoubleInverseSqrtTwoPi);
    }

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector128<double> ScaledCdf, Vector128<double> Density) StandardNormal(Vector128<double> x, Vector128<double> scale)
    {
        Vector128<double> a = Vector128.Min(Vector128.Abs(x), Vector128.Create(DoubleStandardNormalLimit));
        Vector128<double> hi = a * Vector128.Create(DoubleSqrtHalfHigh);
        Vector128<double> lo = Vector128.FusedMultiplyAdd(a, Vector128.Create(DoubleSqrtHalfHigh), -hi) + a * Vector128.Create(DoubleSqrtHalfLow);
        Vector128<double> negative = Vector128.LessThan(x, Vector128<double>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector128.Create(0.5) * Vector128.ConditionalSelect(negative, scale, Vector128<double>.One));
        return (Vector128.ConditionalSelect(negative, tail, scale * (Vector128<double>.One - tail)), gaussian * Vector128.Create(DoubleInverseSqrtTwoPi));
    }

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<double> ScaledCdf, Vector256<double> Density) StandardNormal(Vector256<double> x, Vector256<double> scale)
    {
        Vector256<double> a = Vector256.Min(Vector256.Abs(x), Vector256.Create(DoubleStandardNormalLimit));
        Vector256<double> hi = a * Vector256.Create(DoubleSqrtHalfHigh);
        Vector256<double> lo = Vector256.FusedMultiplyAdd(a, Vector256.Create(DoubleSqrtHalfHigh), -hi) + a * Vector256.Create(DoubleSqrtHalfLow);
        Vector256<double> negative = Vector256.LessThan(x, Vector256<double>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector256.Create(0.5) * Vector256.ConditionalSelect(negative, scale, Vector256<double>.One));
        return (Vector256.ConditionalSelect(negative, tail, scale * (Vector256<double>.One - tail)), gaussian * Vector256.Create(DoubleInverseSqrtTwoPi));
    }

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector512<double> ScaledCdf, Vector512<double> Density) StandardNormal(Vector512<double> x, Vector512<double> scale)
    {
        Vector512<double> a = Vector512.Min(Vector512.Abs(x), Vector512.Create(DoubleStandardNormalLimit));
        Vector512<double> hi = a * Vector512.Create(DoubleSqrtHalfHigh);
        Vector512<double> lo = Vector512.FusedMultiplyAdd(a, Vector512.Create(DoubleSqrtHalfHigh), -hi) + a * Vector512.Create(DoubleSqrtHalfLow);
        Vector512<double> negative = Vector512.LessThan(x, Vector512<double>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector512.Create(0.5) * Vector512.ConditionalSelect(negative, scale, Vector512<double>.One));
        return (Vector512.ConditionalSelect(negative, tail, scale * (Vector512<double>.One - tail)), gaussian * Vector512.Create(DoubleInverseSqrtTwoPi));
    }
}
