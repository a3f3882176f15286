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
    private static double Divide(double numerator, double numeratorTail, double denominator, double denominatorTail)
    {
        double reciprocal = 1.0 / denominator;
        double quotient = numerator * reciprocal;
        double remainder = Math.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Math.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Math.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }
}
