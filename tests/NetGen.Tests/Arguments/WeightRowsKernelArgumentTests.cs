using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Arguments;

/// <summary>
/// The kernel that computes a block of a weight gradient's rows rejects a block that leaves the layer's
/// rows, naming how many rows there are, and a gradient span that does not hold the block, naming its size.
/// </summary>
public class WeightRowsKernelArgumentTests
{
    private const int Batch = 3, InSize = 10, OutSize = 4;

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(9, 2)]
    [InlineData(0, 11)]
    [InlineData(2, -1)]
    [InlineData(int.MaxValue, 2)]
    public void RowsOutsideTheLayerAreRejected(int firstRow, int rowCount) =>
        ArgumentAssert.ThrowsNamingSize(
            () => Dense.BackwardWeightRows<float>(new float[Batch * InSize], new float[Batch * OutSize], new float[8],
                Batch, InSize, OutSize, firstRow, rowCount),
            InSize, $"rows {firstRow} + {rowCount} of {InSize}");

    [Fact]
    public void GradientNotHoldingTheBlockIsRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Dense.BackwardWeightRows<double>(new double[Batch * InSize], new double[Batch * OutSize], new double[3 * OutSize - 1],
                Batch, InSize, OutSize, 4, 3),
            3 * OutSize, "gradient one short of three rows");
}
