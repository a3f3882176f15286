using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Arguments;

/// <summary>
/// The kernels that split a layer by its weight rows (a block of the weight gradient, a part of the
/// forward product, and the sum of two parts) reject rows that leave the layer, naming how many rows
/// there are, and spans of the wrong length, naming the size expected.
/// </summary>
public class WeightRowKernelArgumentTests
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

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(9, 2)]
    [InlineData(0, 11)]
    public void ProductRowsOutsideTheLayerAreRejected(int firstRow, int rowCount) =>
        ArgumentAssert.ThrowsNamingSize(
            () => Dense.ForwardRows<float>(new float[Batch * InSize], new float[InSize * OutSize], new float[Batch * OutSize],
                Batch, InSize, OutSize, firstRow, rowCount),
            InSize, $"product rows {firstRow} + {rowCount} of {InSize}");

    [Fact]
    public void ProductHalfOfTheWrongLengthIsRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Dense.AddProducts<double>(new double[Batch * OutSize], new double[Batch * OutSize - 1], new double[OutSize], new double[Batch * OutSize],
                Batch, OutSize),
            Batch * OutSize, "second half one short");

    [Fact]
    public void GradientNotHoldingTheBlockIsRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Dense.BackwardWeightRows<double>(new double[Batch * InSize], new double[Batch * OutSize], new double[3 * OutSize - 1],
                Batch, InSize, OutSize, 4, 3),
            3 * OutSize, "gradient one short of three rows");
}
