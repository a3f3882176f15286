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
    private static double Divide(double numerator, double numeratorTail, double denominator, double denominatorTail)
    {
        double reciprocal = 1.0 / denominator;
        double quotient = numerator * reciprocal;
        double remainder = Math.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Math.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Math.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Divide(Vector128<double> numerator, Vector128<double> numeratorTail, Vector128<double> denominator, Vector128<double> denominatorTail)
    {
        Vector128<double> reciprocal = Vector128<double>.One / denominator;
        Vector128<double> quotient = numerator * reciprocal;
        Vector128<double> remainder = Vector128.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector128.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector128.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Divide(Vector256<double> numerator, Vector256<double> numeratorTail, Vector256<double> denominator, Vector256<double> denominatorTail)
    {
        Vector256<double> reciprocal = Vector256<double>.One / denominator;
        Vector256<double> quotient = numerator * reciprocal;
        Vector256<double> remainder = Vector256.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector256.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector256.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Divide(Vector512<double> numerator, Vector512<double> numeratorTail, Vector512<double> denominator, Vector512<double> denominatorTail)
    {
        Vector512<double> reciprocal = Vector512<double>.One / denominator;
        Vector512<double> quotient = numerator * reciprocal;
        Vector512<double> remainder = Vector512.FusedMultiplyAdd(-quotient, denominator, numerator)
            + Vector512.FusedMultiplyAdd(-quotient, denominatorTail, numeratorTail);
        return Vector512.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }
}
