using System;

namespace NetGen.Tests.FastMathTests;

/// <summary>A real number as Mantissa·2^Exponent, so that results far below double's normal range keep all their bits.</summary>
internal readonly record struct Exact(DoubleDouble Mantissa, int Exponent)
{
    public static implicit operator Exact(DoubleDouble value) => new(value, 0);

    public static implicit operator Exact(double value) => new(value, 0);

    /// <summary>The value rounded to double (subnormal, zero or infinite where it falls there).</summary>
    public double ToDouble() => Math.ScaleB(Mantissa.Hi + Mantissa.Lo, Exponent);
}

/// <summary>
/// Reference e^x, σ(x) and tanh x in double-double arithmetic, correct to about 100 bits: the
/// yardstick for the ulp errors of FastMath in float and in double.
/// </summary>
internal static class ExactMath
{
    // ln 2 in three parts, so that k·ln 2 is exact to about 150 bits for |k| ≤ 1100.
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Mid = 2.3190468138462996e-17;
    private const double Ln2Lo = 5.707708438416212e-34;

    public static Exact Exp(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (x > 710)
            return double.PositiveInfinity;
        if (x < -746)
            return 0.0;
        double k = Math.Round(x / Ln2Hi);
        // x − k·ln 2: the first difference is exact by Sterbenz's lemma, the rest is carried in dd.
        DoubleDouble r = (DoubleDouble)x - DoubleDouble.Product(k, Ln2Hi) - DoubleDouble.Product(k, Ln2Mid) - k * Ln2Lo;
        // e^r = (e^(r/1024))^1024: the Taylor series of e^(r/1024) converges in a dozen terms.
        DoubleDouble t = r.ScaleB(-10);
        DoubleDouble sum = 1.0;
        for (int n = 14; n >= 1; n--)
            sum = 1.0 + t * sum / n;
        for (int i = 0; i < 10; i++)
            sum *= sum;
        return new Exact(sum, (int)k);
    }

    /// <summary>
    /// e^x − 1, by its Taylor series where the difference would cancel, else from e^x = 2^k·m: for
    /// x &gt; 0 as 2^k·(m − 2^−k), which stays finite where e^x is beyond double.
    /// </summary>
    public static Exact ExpM1(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        if (x > 710)
            return double.PositiveInfinity;
        if (Math.Abs(x) < 1e-3)
        {
            // x + x²/2! + … + x¹⁰/10!: the next term is below 1e−36 relative.
            DoubleDouble series = 0.0;
            for (int n = 10; n >= 1; n--)
                series = (1.0 + series) * x / n;
            return series;
        }
        Exact e = Exp(x);
        return x > 0 ? new Exact(e.Mantissa - Math.ScaleB(1.0, -e.Exponent), e.Exponent) : e.Mantissa.ScaleB(e.Exponent) - 1.0;
    }

    /// <summary>
    /// ln(1 + t) for t ≥ 0 in double-double: its Taylor series below 1e−3, else two Newton steps on
    /// e^y = 1 + t from double's estimate (Exp's absolute error, about 1e−29 after its squarings, would
    /// be too much relative to a smaller y).
    /// </summary>
    public static DoubleDouble Log1p(DoubleDouble t)
    {
        if (t.Hi < 1e-3)
        {
            // t − t²/2 + … − t¹²/12: the next term is below 1e−39 relative.
            DoubleDouble series = 0.0;
            for (int n = 12; n >= 1; n--)
                series = ((DoubleDouble)1.0 / n - series) * t;
            return series;
        }
        DoubleDouble y = t.Hi < 1e-4 ? t.Hi - t.Hi * t.Hi / 2 : Math.Log(1 + t.Hi);
        for (int step = 0; step < 2; step++)
        {
            Exact e = Exp(y.Hi);
            DoubleDouble ey = e.Mantissa.ScaleB(e.Exponent) * (1.0 + ExpM1(y.Lo).Mantissa);
            y += (1.0 + t - ey) / ey;
        }
        return y;
    }

    // π in double-double, and √π from it.
    private static readonly DoubleDouble Pi = new(Math.PI, 1.2246467991473532e-16);
    private static readonly DoubleDouble SqrtPi = Sqrt(Pi);

    /// <summary>√a in double-double: one Newton step from double's root, s + (a − s²)/(2s).</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        double s = Math.Sqrt(a.Hi);
        return s + (a - DoubleDouble.Product(s, s)) / (2 * s);
    }

    /// <summary>e^−t² for t in double-double: e^−hi of t², corrected by the factor e^−lo.</summary>
    public static Exact ExpOfMinusSquare(DoubleDouble t)
    {
        DoubleDouble square = t * t;
        Exact e = Exp(-square.Hi);
        return new Exact(e.Mantissa * (1.0 + ExpM1(-square.Lo).Mantissa), e.Exponent);
    }

    /// <summary>
    /// erf t for 0 ≤ t &lt; 2.5 in double-double, by the series of positive terms
    /// (2/√π)·e^−t²·Σ 2ⁿ·t^(2n+1)/(1·3·…·(2n+1)), which does not cancel: 120 terms leave less than
    /// 1e−60 of it at t = 2.5.
    /// </summary>
    private static DoubleDouble ErfSeries(DoubleDouble t)
    {
        DoubleDouble sum = 0.0, term = t, twoSquare = 2.0 * (t * t);
        for (int n = 0; n < 120; n++)
        {
            sum += term;
            term = term * twoSquare / (2 * n + 3);
        }
        Exact e = ExpOfMinusSquare(t);
        return 2.0 * sum * e.Mantissa.ScaleB(e.Exponent) / SqrtPi;
    }

    /// <summary>erf t for t ≥ 0 in double-double: the series below 2.5, 1 − erfc t above.</summary>
    public static DoubleDouble Erf(DoubleDouble t)
    {
        if (t.Hi < 2.5)
            return ErfSeries(t);
        Exact c = Erfc(t);
        return 1.0 - c.Mantissa.ScaleB(c.Exponent);
    }

    /// <summary>
    /// erfc t for t ≥ 0, relative to itself: 1 − erf t below 2.5 (where erfc t is over 4e−4, so that the
    /// difference keeps about 95 bits), above it Laplace's continued fraction
    /// e^−t²/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …)))), 200 levels deep (under 1e−40 of it at t = 2.5).
    /// </summary>
    public static Exact Erfc(DoubleDouble t)
    {
        if (t.Hi < 2.5)
            return 1.0 - ErfSeries(t);
        DoubleDouble fraction = t;
        for (int n = 200; n >= 1; n--)
            fraction = t + (DoubleDouble)(n / 2.0) / fraction;
        Exact e = ExpOfMinusSquare(t);
        return new Exact(e.Mantissa / (SqrtPi * fraction), e.Exponent);
    }

    // 1/√2 in double-double.
    private static readonly DoubleDouble SqrtHalf = Sqrt(0.5);

    /// <summary>Φ(x), the standard normal distribution: ½·erfc(|x|/√2) below 0, 1 − ½·erfc(x/√2) above.</summary>
    public static Exact NormalCdf(double x)
    {
        Exact tail = Erfc(Math.Abs(x) * SqrtHalf);
        DoubleDouble half = 0.5 * tail.Mantissa;
        return x < 0 ? new Exact(half, tail.Exponent) : 1.0 - half.ScaleB(tail.Exponent);
    }

    /// <summary>
    /// ln(1 + e^x) for x ≤ 0: <see cref="Log1p"/> of e^x, or e^x·(1 − e^x/2 + e^2x/3) below −40 (the next
    /// term is under 2⁻¹⁷⁰ relative), kept as 2^k·m so that it does not lose bits where e^x is subnormal.
    /// </summary>
    public static Exact Log1pExp(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        Exact e = Exp(x);
        if (x >= -40)
            return Log1p(e.Mantissa.ScaleB(e.Exponent));
        double t = e.ToDouble();
        return new Exact(e.Mantissa * ((DoubleDouble)1.0 - t / 2 + t * t / 3), e.Exponent);
    }

    /// <summary>σ(x) = 1 / (1 + e^−x), as e^x / (1 + e^x) for negative x.</summary>
    public static Exact Sigmoid(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        Exact e = Exp(-Math.Abs(x));
        // Where e·2^k underflows in the sum, 1 + e is 1 to far more than 106 bits anyway.
        DoubleDouble denominator = 1.0 + e.Mantissa.ScaleB(e.Exponent);
        return x >= 0 ? (Exact)(1.0 / denominator) : new Exact(e.Mantissa / denominator, e.Exponent);
    }

    /// <summary>tanh x = (e^2x − 1) / (e^2x + 1), or its Taylor series where e^2x − 1 would cancel.</summary>
    public static Exact Tanh(double x)
    {
        if (double.IsNaN(x))
            return double.NaN;
        double a = Math.Abs(x);
        DoubleDouble result;
        if (a < 1e-3)
        {
            // x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925: the next term is 1e−27 relative.
            DoubleDouble y = DoubleDouble.Product(a, a);
            DoubleDouble series = (DoubleDouble)(-1382.0) / 155925.0;
            series = series * y + (DoubleDouble)62.0 / 2835.0;
            series = series * y - (DoubleDouble)17.0 / 315.0;
            series = series * y + (DoubleDouble)2.0 / 15.0;
            series = series * y - (DoubleDouble)1.0 / 3.0;
            result = a + series * y * a;
        }
        else if (a > 40)
            result = 1.0;
        else
        {
            Exact e = Exp(2 * a);
            DoubleDouble e2 = e.Mantissa.ScaleB(e.Exponent);
            result = (e2 - 1.0) / (e2 + 1.0);
        }
        return x < 0 ? -result : result;
    }
}
