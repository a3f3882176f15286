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
    internal static (Vector128<double> ScaledCdf, Vector128<double> Density) StandardNormal(Vector128<double> x, Vector128<double> scale) =>
        DoubleStandardNormal<Width128<double>, Vector128<double>>(x, scale);

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<double> ScaledCdf, Vector256<double> Density) StandardNormal(Vector256<double> x, Vector256<double> scale) =>
        DoubleStandardNormal<Width256<double>, Vector256<double>>(x, scale);

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector512<double> ScaledCdf, Vector512<double> Density) StandardNormal(Vector512<double> x, Vector512<double> scale) =>
        DoubleStandardNormal<Width512<double>, Vector512<double>>(x, scale);

    /// <inheritdoc cref="StandardNormal(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector ScaledCdf, TVector Density) DoubleStandardNormal<TWidth, TVector>(TVector x, TVector scale)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector a = AtMost<double, TWidth, TVector>(TWidth.Abs(x), TWidth.Broadcast(DoubleStandardNormalLimit));
        TVector hi = TWidth.Multiply(a, TWidth.Broadcast(DoubleSqrtHalfHigh));
        TVector lo = TWidth.Add(
            TWidth.FusedMultiplyAdd(a, TWidth.Broadcast(DoubleSqrtHalfHigh), TWidth.Negate(hi)),
            TWidth.Multiply(a, TWidth.Broadcast(DoubleSqrtHalfLow)));
        TVector negative = TWidth.LessThan(x, TWidth.Zero);
        var (tail, gaussian) = DoubleErfcWithGaussian<TWidth, TVector>(
            hi,
            lo,
            TWidth.Multiply(TWidth.Broadcast(0.5), TWidth.ConditionalSelect(negative, scale, TWidth.One)));
        return (
            TWidth.ConditionalSelect(negative, tail, TWidth.Multiply(scale, TWidth.Subtract(TWidth.One, tail))),
            TWidth.Multiply(gaussian, TWidth.Broadcast(DoubleInverseSqrtTwoPi)));
    }
}
