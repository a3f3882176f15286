using System;
using System.Numerics;
using NetGen.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// Each explicit width, Vector128, Vector256 and Vector512, lane for lane against the scalar form:
/// over the special values and a spread of ordinary ones. A width the machine does not accelerate
/// is skipped, and the test output says so.
/// </summary>
public class FastMathWidthTests(ITestOutputHelper output)
{
    public static TheoryData<Function, int> Cases()
    {
        var cases = new TheoryData<Function, int>();
        foreach (Function function in FastMathCases.Functions)
            foreach (int width in FastMathCases.Widths)
                cases.Add(function, width);
        return cases;
    }

    [Theory, MemberData(nameof(Cases))]
    public void FloatWidthMatchesScalar(Function function, int width) => Check<float>(function, width);

    [Theory, MemberData(nameof(Cases))]
    public void DoubleWidthMatchesScalar(Function function, int width) => Check<double>(function, width);

    private void Check<T>(Function function, int width) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        string what = $"{FastMathCases.Name<T>(function)} at Vector{width}";
        if (!FastMathCases.IsAccelerated(width))
        {
            output.WriteLine($"Skipped {what}: Vector{width}.IsHardwareAccelerated is false on this machine.");
            return;
        }

        // A whole number of vectors of every width: special values, then ordinary ones over ±60 (moved
        // into the function's domain).
        T[] special = FastMathCases.SpecialValues<T>(function);
        int count = special.Length + 4096;
        count += 64 - count % 64;
        var x = new T[count];
        special.CopyTo(x, 0);
        var data = new TestData(3000 + width + (int)function);
        for (int k = special.Length; k < count; k++)
            x[k] = FastMathCases.IntoDomain<T>(function, data.Uniform(-60, 60) * Math.Pow(data.Uniform(0, 1), 3));

        T[] y = FastMathCases.Vectorized(function, width, x);
        for (int k = 0; k < count; k++)
            FastMathSpanTests.AssertSame(FastMathCases.Scalar(function, x[k]), y[k], $"{what}, x = {x[k]:R}");
        output.WriteLine($"{what}: {count} lanes equal the scalar form.");
    }
}
