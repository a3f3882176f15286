using System;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// An unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2: about 106 bits, enough to
/// measure a double's error to a small fraction of an ulp. The algorithms are the classic
/// error-free transformations (Knuth's TwoSum, Dekker's product through a fused multiply-add).
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double value) => new(value, 0);

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, t) = TwoSum(a.Hi, b.Hi);
        var (u, v) = TwoSum(a.Lo, b.Lo);
        (s, t) = FastTwoSum(s, t + u);
        return FastTwoSum(s, t + v);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p) + (a.Hi * b.Lo + a.Lo * b.Hi);
        return FastTwoSum(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Three quotient digits by long division: each step removes about 53 bits of the remainder.
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return FastTwoSum(q1, q2) + q3;
    }

    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));

    /// <summary>The exact product of two doubles as a double-double.</summary>
    public static DoubleDouble Product(double a, double b)
    {
        double p = a * b;
        return new(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a;
        return new(s, (a - (s - bb)) + (b - bb));
    }

    // Needs |a| ≥ |b| (or a = 0).
    private static DoubleDouble FastTwoSum(double a, double b)
    {
        double s = a + b;
        return new(s, b - (s - a));
    }
}
