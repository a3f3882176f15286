using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>σ(x) = 1 / (1 + e^−x)</c> in double, within 1 ulp of the exact value (faithfully rounded).</summary>
    /// <remarks>
    /// <para>
    /// With e = e^−|x| from <see cref="Exp(double)"/>, σ(x) = 1 / (1 + e) for x ≥ 0 and e / (1 + e) for
    /// x &lt; 0. e never exceeds 1, so nothing overflows, and for large negative x, where σ(x) ≈ e^x is
    /// tiny, the quotient keeps its relative accuracy (1 − σ(−x) would not). e and 1 + e are carried
    /// with the tails that their roundings dropped into a division that rounds once, which keeps the
    /// error near half an ulp even where e and σ(x) fall on opposite sides of a power of two.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp; measured 0.69 ulp over 2·10⁷ random arguments in [−40, 40],
    /// and up to 0.83 ulp where σ(x) nears the bottom of the normal range (x near −708), as the tail
    /// of e^x loses bits to underflow.
    /// For x under about −708.4 results are subnormal, within 1 ulp of the subnormal spacing, and 0
    /// under about −745.13.
    /// σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
    /// </para>
    /// </remarks>
    public static double Sigmoid(double x)
    {
        // −|x| by setting the sign bit, as the vector forms do, so that even a NaN's bits agree.
        var (e, eTail) = ExpWithTail(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) | long.MinValue));
        double denominator = 1.0 + e;
        double denominatorTail = ((1.0 - denominator) + e) + eTail;
        return x >= 0.0
            ? Divide(1.0, 0.0, denominator, denominatorTail)
            : Divide(e, eTail, denominator, denominatorTail);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sigmoid(Vector128<double> x)
    {
        var (e, eTail) = ExpWithTail(x | Vector128.Create(-0.0), ExpRange.NonPositive);
        Vector128<double> denominator = Vector128<double>.One + e;
        Vector128<double> denominatorTail = ((Vector128<double>.One - denominator) + e) + eTail;
        Vector128<double> positive = Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero);
        Vector128<double> numerator = Vector128.ConditionalSelect(positive, Vector128<double>.One, e);
        return Divide(numerator, Vector128.AndNot(eTail, positive), denominator, denominatorTail);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> x)
    {
        var (e, eTail) = ExpWithTail(x | Vector256.Create(-0.0), ExpRange.NonPositive);
        Vector256<double> denominator = Vector256<double>.One + e;
        Vector256<double> denominatorTail = ((Vector256<double>.One - denominator) + e) + eTail;
        Vector256<double> positive = Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero);
        Vector256<double> numerator = Vector256.ConditionalSelect(positive, Vector256<double>.One, e);
        return Divide(numerator, Vector256.AndNot(eTail, positive), denominator, denominatorTail);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sigmoid(Vector512<double> x)
    {
        var (e, eTail) = ExpWithTail(x | Vector512.Create(-0.0), ExpRange.NonPositive);
        Vector512<double> denominator = Vector512<double>.One + e;
        Vector512<double> denominatorTail = ((Vector512<double>.One - denominator) + e) + eTail;
        Vector512<double> positive = Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero);
        Vector512<double> numerator = Vector512.ConditionalSelect(positive, Vector512<double>.One, e);
        return Divide(numerator, Vector512.AndNot(eTail, positive), denominator, denominatorTail);
    }
}
