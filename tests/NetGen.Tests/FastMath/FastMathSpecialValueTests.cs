using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.FastMathTests;

/// <summary>Zeros, infinities, NaN, overflow, underflow and saturation, value by value.</summary>
public class FastMathSpecialValueTests
{
    public static TheoryData<Function> Functions => new(FastMathCases.Functions);

    [Fact]
    public void FloatExpSpecialValues() => CheckExp<float>();

    [Fact]
    public void DoubleExpSpecialValues() => CheckExp<double>();

    [Fact]
    public void FloatSigmoidSpecialValues() => CheckSigmoid<float>();

    [Fact]
    public void DoubleSigmoidSpecialValues() => CheckSigmoid<double>();

    [Fact]
    public void FloatTanhSpecialValues() => CheckTanh<float>();

    [Fact]
    public void DoubleTanhSpecialValues() => CheckTanh<double>();

    [Fact]
    public void FloatExpM1SpecialValues() => CheckExpM1<float>();

    [Fact]
    public void DoubleExpM1SpecialValues() => CheckExpM1<double>();

    [Fact]
    public void FloatLog1pSpecialValues() => CheckLog1p<float>();

    [Fact]
    public void DoubleLog1pSpecialValues() => CheckLog1p<double>();

    [Fact]
    public void FloatLog1pExpSpecialValues() => CheckLog1pExp<float>();

    [Fact]
    public void DoubleLog1pExpSpecialValues() => CheckLog1pExp<double>();

    [Theory, MemberData(nameof(Functions))]
    public void FloatThresholdsAreWithinTheBound(Function function) => CheckThresholds<float>(function);

    [Theory, MemberData(nameof(Functions))]
    public void DoubleThresholdsAreWithinTheBound(Function function) => CheckThresholds<double>(function);

    private static void CheckExp<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Same(Function.Exp, T.Zero, T.One);
        Same(Function.Exp, T.NegativeZero, T.One);
        Same(Function.Exp, T.PositiveInfinity, T.PositiveInfinity);
        Same(Function.Exp, T.NegativeInfinity, T.Zero);
        Same(Function.Exp, FastMathCases.MaxValue<T>(), T.PositiveInfinity);
        Same(Function.Exp, -FastMathCases.MaxValue<T>(), T.Zero);
        Same(Function.Exp, T.Epsilon, T.One);
        Same(Function.Exp, -T.Epsilon, T.One);
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.Exp, T.NaN)));
        // Gradual underflow: the smallest subnormal is reached, not flushed.
        T justAbove = T.CreateTruncating(typeof(T) == typeof(float) ? -103.2 : -744.4);
        Assert.True(T.IsSubnormal(FastMathCases.Scalar(Function.Exp, justAbove)), $"e^{justAbove} should be subnormal.");
        Same(Function.Exp, T.CreateTruncating(typeof(T) == typeof(float) ? -104.0 : -745.2), T.Zero);
        Same(Function.Exp, T.CreateTruncating(typeof(T) == typeof(float) ? 88.73 : 709.79), T.PositiveInfinity);
        Assert.True(T.IsFinite(FastMathCases.Scalar(Function.Exp, T.CreateTruncating(typeof(T) == typeof(float) ? 88.72 : 709.78))));
    }

    private static void CheckSigmoid<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T half = T.One / (T.One + T.One);
        Same(Function.Sigmoid, T.Zero, half);
        Same(Function.Sigmoid, T.NegativeZero, half);
        Same(Function.Sigmoid, T.PositiveInfinity, T.One);
        Same(Function.Sigmoid, T.NegativeInfinity, T.Zero);
        Same(Function.Sigmoid, FastMathCases.MaxValue<T>(), T.One);
        Same(Function.Sigmoid, -FastMathCases.MaxValue<T>(), T.Zero);
        Same(Function.Sigmoid, T.Epsilon, half);
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.Sigmoid, T.NaN)));
        // Large negative x: σ(x) ≈ e^x, tiny but not lost to 1 − something.
        T x = T.CreateTruncating(typeof(T) == typeof(float) ? -100.0 : -740.0);
        T tiny = FastMathCases.Scalar(Function.Sigmoid, x);
        Assert.True(T.IsSubnormal(tiny), $"σ({x}) = {tiny} should be subnormal.");
        Assert.True(Ulp.Error(tiny, ExactMath.Sigmoid(double.CreateTruncating(x))) < 1);
    }

    private static void CheckTanh<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Same(Function.Tanh, T.Zero, T.Zero);
        Same(Function.Tanh, T.NegativeZero, T.NegativeZero);
        Same(Function.Tanh, T.PositiveInfinity, T.One);
        Same(Function.Tanh, T.NegativeInfinity, T.NegativeOne);
        Same(Function.Tanh, FastMathCases.MaxValue<T>(), T.One);
        Same(Function.Tanh, -FastMathCases.MaxValue<T>(), T.NegativeOne);
        Same(Function.Tanh, T.Epsilon, T.Epsilon);
        Same(Function.Tanh, -T.Epsilon, -T.Epsilon);
        T tiny = T.CreateTruncating(1e-30);
        Same(Function.Tanh, tiny, tiny);
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.Tanh, T.NaN)));

        // Odd exactly, never beyond ±1, and 1 exactly once saturated.
        for (double v = -30; v <= 30; v += 0.001953125)
        {
            T x = T.CreateTruncating(v);
            T y = FastMathCases.Scalar(Function.Tanh, x);
            Assert.True(T.Abs(y) <= T.One, $"|tanh({x})| = {T.Abs(y)} exceeds 1.");
            Assert.Equal(0ul, Ulp.Distance(-y, FastMathCases.Scalar(Function.Tanh, -x)));
        }
        Same(Function.Tanh, T.CreateTruncating(typeof(T) == typeof(float) ? 9.02 : 19.07), T.One);
    }

    private static void CheckExpM1<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Same(Function.ExpM1, T.Zero, T.Zero);
        Same(Function.ExpM1, T.NegativeZero, T.NegativeZero);
        Same(Function.ExpM1, T.PositiveInfinity, T.PositiveInfinity);
        Same(Function.ExpM1, T.NegativeInfinity, T.NegativeOne);
        Same(Function.ExpM1, FastMathCases.MaxValue<T>(), T.PositiveInfinity);
        Same(Function.ExpM1, -FastMathCases.MaxValue<T>(), T.NegativeOne);
        // e^x − 1 ≈ x: the subnormals and tiny values come back unchanged, not lost to 1 − 1.
        Same(Function.ExpM1, T.Epsilon, T.Epsilon);
        Same(Function.ExpM1, -T.Epsilon, -T.Epsilon);
        T tiny = T.CreateTruncating(1e-30);
        Same(Function.ExpM1, tiny, tiny);
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.ExpM1, T.NaN)));
        // Overflow where e^x does; −1 exactly once e^x is under a quarter of 1's ulp.
        Same(Function.ExpM1, T.CreateTruncating(typeof(T) == typeof(float) ? 88.73 : 709.79), T.PositiveInfinity);
        Assert.True(T.IsFinite(FastMathCases.Scalar(Function.ExpM1, T.CreateTruncating(typeof(T) == typeof(float) ? 88.72 : 709.78))));
        Same(Function.ExpM1, T.CreateTruncating(typeof(T) == typeof(float) ? -18.0 : -38.0), T.NegativeOne);
    }

    private static void CheckLog1p<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // The stated domain is [0, 1]: its ends, its subnormals, NaN.
        Same(Function.Log1p, T.Zero, T.Zero);
        Same(Function.Log1p, T.NegativeZero, T.NegativeZero);
        Same(Function.Log1p, T.Epsilon, T.Epsilon);
        T tiny = T.CreateTruncating(1e-30);
        Same(Function.Log1p, tiny, tiny);
        Same(Function.Log1p, T.One, T.CreateTruncating(Math.Log(2)));
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.Log1p, T.NaN)));
    }

    private static void CheckLog1pExp<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // The stated domain is x ≤ 0: ln 2 at ±0, 0 at −∞, e^x's underflow.
        T ln2 = T.CreateTruncating(Math.Log(2));
        Same(Function.Log1pExp, T.Zero, ln2);
        Same(Function.Log1pExp, T.NegativeZero, ln2);
        Same(Function.Log1pExp, -T.Epsilon, ln2);
        Same(Function.Log1pExp, T.NegativeInfinity, T.Zero);
        Same(Function.Log1pExp, -FastMathCases.MaxValue<T>(), T.Zero);
        Assert.True(T.IsNaN(FastMathCases.Scalar(Function.Log1pExp, T.NaN)));
        // ln(1 + e^x) ≈ e^x: subnormal where e^x is, not flushed, and 0 where e^x is.
        T justAbove = T.CreateTruncating(typeof(T) == typeof(float) ? -103.2 : -744.4);
        Assert.True(T.IsSubnormal(FastMathCases.Scalar(Function.Log1pExp, justAbove)), $"ln(1 + e^{justAbove}) should be subnormal.");
        Same(Function.Log1pExp, T.CreateTruncating(typeof(T) == typeof(float) ? -104.0 : -745.2), T.Zero);
    }

    /// <summary>
    /// Around every threshold (overflow, underflow, saturation, the switch of method) in the function's
    /// domain: within its bound, ∞ and 0 included.
    /// </summary>
    private static void CheckThresholds<T>(Function function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double bound = FastMathCases.MaxUlps(function);
        foreach (T x in FastMathCases.SpecialValues<T>(function))
        {
            T y = FastMathCases.Scalar(function, x);
            Exact exact = FastMathCases.Reference(function, double.CreateTruncating(x));
            double error = Ulp.Error(y, exact);
            Assert.True(error < bound, $"{FastMathCases.Name<T>(function)}({x:R}) = {y:R}: {error} ulp from {exact.ToDouble():R}.");
        }
    }

    private static void Same<T>(Function function, T x, T expected) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T actual = FastMathCases.Scalar(function, x);
        // Bit for bit, so that −0 is not +0.
        Assert.True(
            actual.Equals(expected) && T.IsNegative(actual) == T.IsNegative(expected),
            $"{FastMathCases.Name<T>(function)}({x:R}) = {actual:R}, expected {expected:R}.");
    }
}
