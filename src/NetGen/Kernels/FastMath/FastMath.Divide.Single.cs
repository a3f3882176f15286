using System;
using System.Runtime.CompilerServices;

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
}
