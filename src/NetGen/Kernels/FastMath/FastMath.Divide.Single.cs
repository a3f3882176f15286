using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// (numerator + numeratorTail) / (denominator + denominatorTail), for positive denominators,
    /// within a small fraction of an ulp beyond its one rounding: a quotient from the reciprocal of the
    /// head, then one correction by the remainder, which takes in both tails.
    /// </summary>
    /// <remarks>
    /// The remainder numerator − quotient·denominator comes from a fused multiply-add, which leaves it
    /// without the cancellation a separate product would suffer; it and the tails' share are tiny beside
    /// the quotient, so their roundings are far below its ulp. The chain after the division is a
    /// multiplication and three further operations.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Divide(float numerator, float numeratorTail, float denominator, float denominatorTail)
    {
        float reciprocal = 1f / denominator;
        float quotient = numerator * reciprocal;
        float remainder = MathF.FusedMultiplyAdd(-quotient, denominator, numerator)
            + MathF.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return MathF.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Divide(Vector128<float> numerator, Vector128<float> numeratorTail, Vector128<float> denominator, Vector128<float> denominatorTail)
    {
        Vector128<float> reciprocal = Vector128<float>.One / denominator;
        Vector128<float> quotient = numerator * reciprocal;
        Vector128<float> remainder = Vector128.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector128.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector128.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Divide(Vector256<float> numerator, Vector256<float> numeratorTail, Vector256<float> denominator, Vector256<float> denominatorTail)
    {
        Vector256<float> reciprocal = Vector256<float>.One / denominator;
        Vector256<float> quotient = numerator * reciprocal;
        Vector256<float> remainder = Vector256.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector256.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector256.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Divide(Vector512<float> numerator, Vector512<float> numeratorTail, Vector512<float> denominator, Vector512<float> denominatorTail)
    {
        Vector512<float> reciprocal = Vector512<float>.One / denominator;
        Vector512<float> quotient = numerator * reciprocal;
        Vector512<float> remainder = Vector512.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector512.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector512.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }
}
