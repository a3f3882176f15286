using Xunit;

namespace NetGen.Tests.Layout;

/// <summary><see cref="NetGen.Kernels.Layout.Transpose{T}"/> against the definition, on square, tall, wide and degenerate shapes.</summary>
public class TransposeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 7)]
    [InlineData(7, 1)]
    [InlineData(5, 5)]
    [InlineData(128, 10)]
    [InlineData(10, 128)]
    [InlineData(33, 17)]
    public void Each_element_moves_to_its_transposed_place(int rows, int columns)
    {
        var source = new float[rows * columns];
        for (int k = 0; k < source.Length; k++)
            source[k] = k + 1;
        var destination = new float[rows * columns];

        NetGen.Kernels.Layout.Transpose<float>(source, destination, rows, columns);

        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                Assert.Equal(source[r * columns + c], destination[c * rows + r]);
    }

    [Fact]
    public void A_destination_of_the_wrong_size_is_refused()
    {
        var error = Assert.Throws<System.ArgumentException>(() => NetGen.Kernels.Layout.Transpose<float>(new float[6], new float[5], 2, 3));

        Assert.Contains("6", error.Message);
    }
}
