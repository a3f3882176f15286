using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Reduction.Sum adds the chunk parts left to right, element by element, and only in its range: the
/// order is what makes a gradient independent of the number of threads, so the test uses values whose
/// float sum changes with the order.
/// </summary>
public class ReductionKernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PartsAreAddedLeftToRightWithinTheRange(int count)
    {
        const int length = 70, start = 3, size = 64;
        var parts = new float[5][];
        for (int k = 0; k < parts.Length; k++)
        {
            parts[k] = new float[length];
            for (int i = 0; i < length; i++)
                // Large values that cancel and small ones that vanish unless added after the cancelling.
                parts[k][i] = (k % 2 == 0 ? 1e8f : -1e8f) * (k < 2 ? 1 : 0) + (k + 1) * 0.75f + i;
        }
        var destination = new float[length];
        destination.AsSpan().Fill(-7);

        Reduction.Sum(parts, count, destination, start, size);

        for (int i = 0; i < length; i++)
        {
            if (i < start || i >= start + size)
            {
                Assert.Equal(-7f, destination[i]);
                continue;
            }
            float expected = parts[0][i];
            for (int k = 1; k < count; k++)
                expected += parts[k][i];
            Assert.Equal(expected, destination[i]);
        }
    }

    [Fact]
    public void CountOutsideThePartsIsRejected()
    {
        var parts = new[] { new float[4], new float[4] };
        Assert.Throws<ArgumentOutOfRangeException>(() => Reduction.Sum(parts, 3, new float[4], 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Reduction.Sum(parts, 0, new float[4], 0, 4));
    }
}
