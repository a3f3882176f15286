using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // 1/√2 in two parts: |x|·SqrtHalfHigh + |x|·SqrtHalfLow is |x|/√2 to about twice float's precision.
    private const float SingleSqrtHalfHigh = 0.7071067690849304f;
    private const float SingleSqrtHalfLow = 1.2101617485882343e-08f;
    private const float SingleInverseSqrtTwoPi = 0.3989422917366028f;

    // Past this |x|, |x|/√2 is past erfc's limit, where Φ is 0 or 1; clamping first keeps ∞ out of the split of |x|/√2.
    private const float SingleStandardNormalLimit = 15f;

    /// <summary>
    /// The standard normal distribution at x: its cumulative distribution <c>Φ(x) = ½·erfc(−x/√2)</c>, times
    /// <paramref name="scale"/>, and its density <c>φ(x) = e^−x²/2 / √(2π)</c>: GELU is x·Φ(x) with scale x,
    /// its derivative Φ(x) + x·φ(x) with scale 1.
    /// </summary>
    /// <remarks>
    /// t = |x|/√2 is carried as hi + lo (the product's rounding error kept by a fused multiply-add, 1/√2 in
    /// two parts) into <see cref="ErfcWithGaussian(float, float, float)"/>: rounded once, t would cost Φ about
    /// 2t² ulps of its relative accuracy where x is negative and Φ is small. scale·Φ is scale·½·erfc t for x &lt; 0,
    /// rounded once (where it is subnormal, its rounding is not multiplied by scale afterwards), and
    /// scale·(1 − ½·erfc t) otherwise, which cannot cancel (½·erfc t ≤ ½). GELU, x·Φ(x), is tested to its bound
    /// over every 2⁻⁸ on [−30, 30] (ActivationAccuracyTests). NaN gives NaN.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (float ScaledCdf, float Density) StandardNormal(float x, float scale)
    {
        float a = MathF.Min(MathF.Abs(x), SingleStandardNormalLimit);
        float hi = a * SingleSqrtHalfHigh;
        float lo = MathF.FusedMultiplyAdd(a, SingleSqrtHalfHigh, -hi) + a * SingleSqrtHalfLow;
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, 0.5f * (x < 0 ? scale : 1f));
        return (x < 0 ? tail : scale * (1f - tail), gaussian * SingleInverseSqrtTwoPi);
    }

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector128<float> ScaledCdf, Vector128<float> Density) StandardNormal(Vector128<float> x, Vector128<float> scale) =>
        SingleStandardNormal<Width128<float>, Vector128<float>>(x, scale);

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<float> ScaledCdf, Vector256<float> Density) StandardNormal(Vector256<float> x, Vector256<float> scale) =>
        SingleStandardNormal<Width256<float>, Vector256<float>>(x, scale);

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector512<float> ScaledCdf, Vector512<float> Density) StandardNormal(Vector512<float> x, Vector512<float> scale) =>
        SingleStandardNormal<Width512<float>, Vector512<float>>(x, scale);

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector ScaledCdf, TVector Density) SingleStandardNormal<TWidth, TVector>(TVector x, TVector scale)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector a = AtMost<float, TWidth, TVector>(TWidth.Abs(x), TWidth.Broadcast(SingleStandardNormalLimit));
        TVector hi = TWidth.Multiply(a, TWidth.Broadcast(SingleSqrtHalfHigh));
        TVector lo = TWidth.Add(
            TWidth.FusedMultiplyAdd(a, TWidth.Broadcast(SingleSqrtHalfHigh), TWidth.Negate(hi)),
            TWidth.Multiply(a, TWidth.Broadcast(SingleSqrtHalfLow)));
        TVector negative = TWidth.LessThan(x, TWidth.Zero);
        var (tail, gaussian) = SingleErfcWithGaussian<TWidth, TVector>(
            hi,
            lo,
            TWidth.Multiply(TWidth.Broadcast(0.5f), TWidth.ConditionalSelect(negative, scale, TWidth.One)));
        return (
            TWidth.ConditionalSelect(negative, tail, TWidth.Multiply(scale, TWidth.Subtract(TWidth.One, tail))),
            TWidth.Multiply(gaussian, TWidth.Broadcast(SingleInverseSqrtTwoPi)));
    }
}
