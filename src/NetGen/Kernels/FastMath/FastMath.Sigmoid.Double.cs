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
    public static Vector128<double> Sigmoid(Vector128<double> x) => DoubleSigmoid<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> x) => DoubleSigmoid<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sigmoid(Vector512<double> x) => DoubleSigmoid<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleSigmoid<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        var (e, eTail) = DoubleExpWithTail<TWidth, TVector>(TWidth.Or(x, TWidth.Broadcast(-0.0)), ExpRange.NonPositive);
        TVector denominator = TWidth.Add(TWidth.One, e);
        TVector denominatorTail = TWidth.Add(TWidth.Add(TWidth.Subtract(TWidth.One, denominator), e), eTail);
        TVector positive = TWidth.GreaterThanOrEqual(x, TWidth.Zero);
        TVector numerator = TWidth.ConditionalSelect(positive, TWidth.One, e);
        return Divide<double, TWidth, TVector>(numerator, TWidth.AndNot(eTail, positive), denominator, denominatorTail);
    }
}
