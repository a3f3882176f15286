using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>Strided gathers and scatters against a plain loop over the indices they name.</summary>
public sealed class StridedTests
{
    [Theory]
    [InlineData(0, 3, 4)]
    [InlineData(5, 3, 2)]
    [InlineData(1, 1, 4)]
    [InlineData(2, 7, 1)]
    [InlineData(0, 2, 0)]
    public void Gather_reads_count_values_a_stride_apart_and_zeros_the_rest(int offset, int stride, int count)
    {
        float[] source = new float[40];
        for (int i = 0; i < source.Length; i++)
            source[i] = 1000 + i;

        Vector128<float> gathered = Strided.Gather(ref source[0], offset, stride, count);

        for (int lane = 0; lane < Vector128<float>.Count; lane++)
            Assert.Equal(lane < count ? 1000 + offset + lane * stride : 0f, gathered[lane]);
    }

    [Theory]
    [InlineData(0, 3, 2)]
    [InlineData(4, 5, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(3, 2, 0)]
    public void Scatter_writes_count_lanes_a_stride_apart_and_nothing_else(int offset, int stride, int count)
    {
        double[] destination = new double[20];
        var value = Vector128.Create(-1.5, -2.5);

        Strided.Scatter(value, ref destination[0], offset, stride, count);

        for (int i = 0; i < destination.Length; i++)
        {
            int lane = (i - offset) / stride;
            bool written = i >= offset && (i - offset) % stride == 0 && lane < count;
            Assert.Equal(written ? (lane == 0 ? -1.5 : -2.5) : 0.0, destination[i]);
        }
    }
}
