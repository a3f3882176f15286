using System;
using System.Numerics;

namespace NetGen.Tests.FastMathTests;

/// <summary>Distances in units in the last place (ulps) of float or double.</summary>
internal static class Ulp
{
    /// <summary>
    /// How many representable values of T lie between <paramref name="a"/> and <paramref name="b"/>
    /// (0 when equal; +0 and −0 are equal): the ordered-integer distance of their bit patterns.
    /// </summary>
    public static ulong Distance<T>(T a, T b) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (T.IsNaN(a) || T.IsNaN(b))
            return T.IsNaN(a) && T.IsNaN(b) ? 0 : ulong.MaxValue;
        Int128 d = Ordered(a) - Ordered(b);
        return (ulong)Int128.Abs(d);
    }

    // Maps the bit patterns onto the integers monotonically: −0 and +0 both to 0.
    private static Int128 Ordered<T>(T value) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        long bits = typeof(T) == typeof(float)
            ? BitConverter.SingleToInt32Bits(float.CreateTruncating(value))
            : BitConverter.DoubleToInt64Bits(double.CreateTruncating(value));
        long magnitude = bits & (typeof(T) == typeof(float) ? int.MaxValue : long.MaxValue);
        return bits < 0 ? -(Int128)magnitude : magnitude;
    }

    /// <summary>
    /// The spacing of T at the real value <paramref name="y"/>: 2^(e − p + 1) for y in [2^e, 2^(e+1))
    /// with p the precision (24 or 53), and the subnormal spacing below the normal range.
    /// </summary>
    public static double Of<T>(double y) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool single = typeof(T) == typeof(float);
        int minExponent = single ? -126 : -1022, fraction = single ? 23 : 52;
        int exponent = y == 0 ? minExponent : Math.Max(Math.ILogB(y), minExponent);
        return Math.ScaleB(1.0, exponent - fraction);
    }

    /// <summary>
    /// |computed − exact| in ulps of T at the exact value: fractional, so that 0.5 is the best any
    /// rounding can do. Infinite when exactly one of the two rounds to an infinity, 0 when both do.
    /// </summary>
    public static double Error<T>(T computed, Exact exact) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T rounded = T.CreateTruncating(exact.ToDouble());
        if (T.IsInfinity(rounded) || T.IsInfinity(computed))
            return rounded == computed ? 0 : double.PositiveInfinity;
        if (T.IsNaN(rounded) || T.IsNaN(computed))
            return T.IsNaN(rounded) && T.IsNaN(computed) ? 0 : double.PositiveInfinity;
        // Compared at the mantissa's scale, where both sides are normal doubles: scaling computed by a
        // power of two is exact, and computed − hi is exact whenever the two are close (Sterbenz).
        DoubleDouble m = exact.Mantissa;
        double c = Math.ScaleB(double.CreateTruncating(computed), -exact.Exponent);
        double difference = (c - m.Hi) - m.Lo;
        double ulp = Math.ScaleB(Of<T>(Math.ScaleB(m.Hi, exact.Exponent)), -exact.Exponent);
        if (m.Hi != 0 && Math.ScaleB(m.Hi, exact.Exponent) == 0)
            ulp = Math.ScaleB(Of<T>(0), -exact.Exponent);
        return Math.Abs(difference) / ulp;
    }
}
