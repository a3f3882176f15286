using System;
using System.Linq;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Checks.IndexOfNonFinite against a plain scan, over every length up to five 512-bit vectors and a few
/// more (the scan takes four vectors a step, then one at a time, then single values), with the bad value at
/// every position, and on finite values whose sum would overflow.
/// </summary>
public class FiniteScanTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void TheFirstNonFiniteFloatIsFoundAtEveryLengthAndPosition(float bad)
    {
        for (int length = 1; length <= 5 * 16 + 5; length++)
        {
            for (int position = 0; position < length; position++)
            {
                float[] values = Enumerable.Range(0, length).Select(i => float.MaxValue * (i % 2 == 0 ? 1 : -1)).ToArray();
                values[position] = bad;
                if (position + 1 < length)
                    values[length - 1] = float.NaN; // a later one must not be named instead
                Assert.Equal(position, Checks.IndexOfNonFinite<float>(values));
            }
        }
    }

    [Fact]
    public void FiniteValuesWhoseSumOverflowsAreFinite()
    {
        for (int length = 0; length <= 5 * 16 + 5; length++)
        {
            Assert.Equal(-1, Checks.IndexOfNonFinite<float>(Enumerable.Repeat(float.MaxValue, length).ToArray()));
            Assert.Equal(-1, Checks.IndexOfNonFinite<double>(Enumerable.Repeat(double.MaxValue, length).ToArray()));
        }
    }

    [Fact]
    public void TheFirstNonFiniteDoubleIsFound()
    {
        for (int length = 1; length <= 5 * 8 + 5; length++)
            for (int position = 0; position < length; position++)
            {
                double[] values = new double[length];
                values[position] = double.NaN;
                Assert.Equal(position, Checks.IndexOfNonFinite<double>(values));
            }
    }
}
