using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// (numerator + numeratorTail) / (denominator + denominatorTail), for positive denominators,
    /// within a small fraction of an ulp beyond its one rounding: a single division for the reciprocal
    /// of the head, one Newton step that also takes in the denominator's tail, and a final fused
    /// multiply-add for the product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Divide(float numerator, float numeratorTail, float denominator, float denominatorTail)
    {
        float reciprocal = 1f / denominator;
        // 1 − reciprocal·denominator is exact under a fused multiply-add.
        float residual = MathF.FusedMultiplyAdd(-reciprocal, denominator, 1f) - reciprocal * denominatorTail;
        float low = MathF.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return MathF.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Divide(
        Vector128<float> numerator, Vector128<float> numeratorTail, Vector128<float> denominator, Vector128<float> denominatorTail)
    {
        Vector128<float> reciprocal = Vector128<float>.One / denominator;
        Vector128<float> residual = Vector128.FusedMultiplyAdd(-reciprocal, denominator, Vector128<float>.One) - reciprocal * denominatorTail;
        Vector128<float> low = Vector128.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector128.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Divide(
        Vector256<float> numerator, Vector256<float> numeratorTail, Vector256<float> denominator, Vector256<float> denominatorTail)
    {
        Vector256<float> reciprocal = Vector256<float>.One / denominator;
        Vector256<float> residual = Vector256.FusedMultiplyAdd(-reciprocal, denominator, Vector256<float>.One) - reciprocal * denominatorTail;
        Vector256<float> low = Vector256.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector256.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Divide(
        Vector512<float> numerator, Vector512<float> numeratorTail, Vector512<float> denominator, Vector512<float> denominatorTail)
    {
        Vector512<float> reciprocal = Vector512<float>.One / denominator;
        Vector512<float> residual = Vector512.FusedMultiplyAdd(-reciprocal, denominator, Vector512<float>.One) - reciprocal * denominatorTail;
        Vector512<float> low = Vector512.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector512.FusedMultiplyAdd(numerator, reciprocal, low);
    }
}
