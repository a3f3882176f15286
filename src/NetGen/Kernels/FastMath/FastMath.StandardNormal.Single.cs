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
    internal static (Vector128<float> ScaledCdf, Vector128<float> Density) StandardNormal(Vector128<float> x, Vector128<float> scale)
    {
        Vector128<float> a = Vector128.Min(Vector128.Abs(x), Vector128.Create(SingleStandardNormalLimit));
        Vector128<float> hi = a * Vector128.Create(SingleSqrtHalfHigh);
        Vector128<float> lo = Vector128.FusedMultiplyAdd(a, Vector128.Create(SingleSqrtHalfHigh), -hi) + a * Vector128.Create(SingleSqrtHalfLow);
        Vector128<float> negative = Vector128.LessThan(x, Vector128<float>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector128.Create(0.5f) * Vector128.ConditionalSelect(negative, scale, Vector128<float>.One));
        return (Vector128.ConditionalSelect(negative, tail, scale * (Vector128<float>.One - tail)), gaussian * Vector128.Create(SingleInverseSqrtTwoPi));
    }

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<float> ScaledCdf, Vector256<float> Density) StandardNormal(Vector256<float> x, Vector256<float> scale)
    {
        Vector256<float> a = Vector256.Min(Vector256.Abs(x), Vector256.Create(SingleStandardNormalLimit));
        Vector256<float> hi = a * Vector256.Create(SingleSqrtHalfHigh);
        Vector256<float> lo = Vector256.FusedMultiplyAdd(a, Vector256.Create(SingleSqrtHalfHigh), -hi) + a * Vector256.Create(SingleSqrtHalfLow);
        Vector256<float> negative = Vector256.LessThan(x, Vector256<float>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector256.Create(0.5f) * Vector256.ConditionalSelect(negative, scale, Vector256<float>.One));
        return (Vector256.ConditionalSelect(negative, tail, scale * (Vector256<float>.One - tail)), gaussian * Vector256.Create(SingleInverseSqrtTwoPi));
    }

    /// <inheritdoc cref="StandardNormal(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector512<float> ScaledCdf, Vector512<float> Density) StandardNormal(Vector512<float> x, Vector512<float> scale)
    {
        Vector512<float> a = Vector512.Min(Vector512.Abs(x), Vector512.Create(SingleStandardNormalLimit));
        Vector512<float> hi = a * Vector512.Create(SingleSqrtHalfHigh);
        Vector512<float> lo = Vector512.FusedMultiplyAdd(a, Vector512.Create(SingleSqrtHalfHigh), -hi) + a * Vector512.Create(SingleSqrtHalfLow);
        Vector512<float> negative = Vector512.LessThan(x, Vector512<float>.Zero);
        var (tail, gaussian) = ErfcWithGaussian(hi, lo, Vector512.Create(0.5f) * Vector512.ConditionalSelect(negative, scale, Vector512<float>.One));
        return (Vector512.ConditionalSelect(negative, tail, scale * (Vector512<float>.One - tail)), gaussian * Vector512.Create(SingleInverseSqrtTwoPi));
    }
}
