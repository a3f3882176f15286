using System;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// The span forms over every length from 1 to three of the widest vectors and three more: every
/// value bit for bit what the scalar form gives (so the vector body, the narrower vectors and the
/// scalar tail agree), nothing written outside the destination, in place included.
/// </summary>
public class FastMathSpanTests
{
    public static TheoryData<Function> Functions => new(FastMathCases.Functions);

    [Theory, MemberData(nameof(Functions))]
    public void FloatSpanMatchesScalarAtEveryLength(Function function) => CheckLengths<float>(function);

    [Theory, MemberData(nameof(Functions))]
    public void DoubleSpanMatchesScalarAtEveryLength(Function function) => CheckLengths<double>(function);

    [Theory, MemberData(nameof(Functions))]
    public void FloatSpanWorksInPlace(Function function) => CheckInPlace<float>(function);

    [Theory, MemberData(nameof(Functions))]
    public void DoubleSpanWorksInPlace(Function function) => CheckInPlace<double>(function);

    [Fact]
    public void EmptySpansAreFine()
    {
        FastMath.Exp(ReadOnlySpan<float>.Empty, Span<float>.Empty);
        FastMath.Sigmoid(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        FastMath.Tanh(ReadOnlySpan<float>.Empty, Span<float>.Empty);
        FastMath.ExpM1(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        FastMath.Log1p(ReadOnlySpan<float>.Empty, Span<float>.Empty);
        FastMath.Log1pExp(ReadOnlySpan<double>.Empty, Span<double>.Empty);
    }

    [Fact]
    public void DestinationOfAnotherLengthThrows()
    {
        var x = new float[10];
        var exception = Assert.Throws<ArgumentException>(() => FastMath.Sigmoid<float>(x, new float[9]));
        Assert.Equal("destination", exception.ParamName);
        Assert.Contains("expected 10", exception.Message);
        Assert.Throws<ArgumentException>(() => FastMath.Tanh<double>(new double[3], new double[4]));
    }

    [Fact]
    public void ShiftedOverlapThrows()
    {
        var buffer = new float[40];
        var exception = Assert.Throws<ArgumentException>(() => FastMath.Exp<float>(buffer.AsSpan(0, 32), buffer.AsSpan(1, 32)));
        Assert.Equal("destination", exception.ParamName);
        Assert.Throws<ArgumentException>(() => FastMath.Tanh<float>(buffer.AsSpan(4, 32), buffer.AsSpan(0, 32)));
    }

    [Fact]
    public void OtherTypesAreNotSupported()
    {
        var x = new Half[4];
        Assert.Throws<NotSupportedException>(() => FastMath.Exp<Half>(x, new Half[4]));
    }

    private static void CheckLengths<T>(Function function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int widest = FastMathCases.WidestCount<T>();
        var data = new TestData(1000 + (int)function);
        T[] special = FastMathCases.SpecialValues<T>(function);
        for (int length = 1; length <= 3 * widest + 3; length++)
        {
            var x = new T[length];
            for (int k = 0; k < length; k++)
                // Mostly the useful range, with special values spread through body and tail alike.
                x[k] = (k + length) % 5 == 0 ? special[(k * 7 + length) % special.Length] : FastMathCases.IntoDomain<T>(function, 8 * data.Normal());
            var buffer = new GuardedBuffer<T>(length);
            FastMathCases.Span<T>(function, x, buffer.Span);
            string what = $"{FastMathCases.Name<T>(function)}, length {length}";
            buffer.AssertGuardsIntact(what);
            for (int k = 0; k < length; k++)
                AssertSame(FastMathCases.Scalar(function, x[k]), buffer.Span[k], $"{what}, x[{k}] = {x[k]:R}");
        }
    }

    private static void CheckInPlace<T>(Function function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int widest = FastMathCases.WidestCount<T>();
        var data = new TestData(2000 + (int)function);
        for (int length = 1; length <= 3 * widest + 3; length++)
        {
            var x = new T[length];
            for (int k = 0; k < length; k++)
                x[k] = FastMathCases.IntoDomain<T>(function, 8 * data.Normal());
            var buffer = new GuardedBuffer<T>(length).CopyFrom(x);
            FastMathCases.Span<T>(function, buffer.Span, buffer.Span);
            string what = $"{FastMathCases.Name<T>(function)} in place, length {length}";
            buffer.AssertGuardsIntact(what);
            for (int k = 0; k < length; k++)
                AssertSame(FastMathCases.Scalar(function, x[k]), buffer.Span[k], $"{what}, x[{k}] = {x[k]:R}");
        }
    }

    internal static void AssertSame<T>(T expected, T actual, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // Bit for bit (−0 is not +0), NaN for NaN.
        bool same = T.IsNaN(expected)
            ? T.IsNaN(actual)
            : expected.Equals(actual) && T.IsNegative(expected) == T.IsNegative(actual);
        Assert.True(same, $"{what}: expected {expected:R}, got {actual:R}.");
    }
}
