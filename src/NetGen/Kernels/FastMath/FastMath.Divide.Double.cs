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
    private static double Divide(double numerator, double numeratorTail, double denominator, double denominatorTail)
    {
        double reciprocal = 1.0 / denominator;
        // 1 − reciprocal·denominator is exact under a fused multiply-add.
        double residual = Math.FusedMultiplyAdd(-reciprocal, denominator, 1.0) - reciprocal * denominatorTail;
        double low = Math.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Math.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Divide(
        Vector128<double> numerator, Vector128<double> numeratorTail, Vector128<double> denominator, Vector128<double> denominatorTail)
    {
        Vector128<double> reciprocal = Vector128<double>.One / denominator;
        Vector128<double> residual = Vector128.FusedMultiplyAdd(-reciprocal, denominator, Vector128<double>.One) - reciprocal * denominatorTail;
        Vector128<double> low = Vector128.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector128.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Divide(
        Vector256<double> numerator, Vector256<double> numeratorTail, Vector256<double> denominator, Vector256<double> denominatorTail)
    {
        Vector256<double> reciprocal = Vector256<double>.One / denominator;
        Vector256<double> residual = Vector256.FusedMultiplyAdd(-reciprocal, denominator, Vector256<double>.One) - reciprocal * denominatorTail;
        Vector256<double> low = Vector256.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector256.FusedMultiplyAdd(numerator, reciprocal, low);
    }

    /// <inheritdoc cref="Divide(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Divide(
        Vector512<double> numerator, Vector512<double> numeratorTail, Vector512<double> denominator, Vector512<double> denominatorTail)
    {
        Vector512<double> reciprocal = Vector512<double>.One / denominator;
        Vector512<double> residual = Vector512.FusedMultiplyAdd(-reciprocal, denominator, Vector512<double>.One) - reciprocal * denominatorTail;
        Vector512<double> low = Vector512.FusedMultiplyAdd(numerator, residual * reciprocal, numeratorTail * reciprocal);
        return Vector512.FusedMultiplyAdd(numerator, reciprocal, low);
    }
}
