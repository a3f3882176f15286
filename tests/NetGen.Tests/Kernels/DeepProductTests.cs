using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Deep and wide products against plain loops: the forward product over a deep input, the weight gradient over a
/// large batch and the input gradient from a wide next layer, with widths that leave every tail (a 128-bit vector,
/// scalars) after the widest vectors, and with outputs whose rows lie a multiple of 2 KB apart (512 floats, 256
/// doubles), which the product reads through copies of its column panels; deep products of many rows, whose panels
/// are read where they lie (panel by panel, or all of them by each block of rows) or through copies, by their size;
/// and products of a few rows over a B beyond L2, which read it a slice of the depth at a time, where it lies or
/// through copies. The forward and weight-gradient cases run <see cref="DenseKernelTests"/>' checks, halves and
/// blocks of rows included, at these sizes.
/// </summary>
public sealed class DeepProductTests
{
    [Theory]
    [InlineData(1, 257, 64)]
    [InlineData(3, 600, 65)]
    [InlineData(13, 1030, 67)]
    [InlineData(33, 513, 131)]
    [InlineData(5, 300, 200)]
    [InlineData(13, 40, 512)]
    [InlineData(9, 300, 256)]
    [InlineData(33, 70, 1024)]
    [InlineData(9, 700, 1024)]
    [InlineData(9, 0, 512)]
    [InlineData(16, 1024, 1024)]
    [InlineData(23, 600, 1000)]
    [InlineData(40, 520, 520)]
    [InlineData(64, 300, 1000)]
    [InlineData(100, 300, 1000)]
    [InlineData(128, 300, 64)]
    [InlineData(131, 784, 256)]
    [InlineData(133, 520, 80)]
    [InlineData(130, 900, 256)]
    [InlineData(129, 784, 400)]
    [InlineData(8, 1100, 1024)]
    [InlineData(12, 600, 1000)]
    [InlineData(10, 4096, 256)]
    [InlineData(19, 1030, 640)]
    [InlineData(30, 1100, 512)]
    [InlineData(26, 2000, 256)]
    [InlineData(70, 300, 200)]
    [InlineData(45, 600, 288)]
    public void A_deep_forward_product_matches_the_definition(int batch, int inSize, int outSize)
    {
        DenseKernelTests.CheckForward<float>(new TestData(batch * 7 + inSize), batch, inSize, outSize);
        DenseKernelTests.CheckForward<double>(new TestData(batch * 7 + inSize), batch, inSize, outSize);
    }

    /// <summary>
    /// Products that read B's rows as whole vectors reaching past the columns they need (layers of 5, 10 or 13 outputs
    /// beside 16-float vectors; 100, whose last 4 columns follow 96 in whole vectors) or in tiles of sixteen rows, which
    /// also prefetch lines past B's end, with the input, the weights and the bias each ending against an unreadable page,
    /// through <see cref="DenseKernelTests"/>' forward check, halves of the weight rows included.
    /// </summary>
    [Theory]
    [InlineData(8, 64, 10)]
    [InlineData(16, 1024, 10)]
    [InlineData(13, 33, 5)]
    [InlineData(33, 70, 13)]
    [InlineData(9, 40, 100)]
    [InlineData(16, 520, 520)]
    public void A_forward_product_reads_nothing_past_its_spans(int batch, int inSize, int outSize)
    {
        DenseKernelTests.CheckForward<float>(new TestData(batch * 5 + outSize), batch, inSize, outSize, atPageEnds: true);
        DenseKernelTests.CheckForward<double>(new TestData(batch * 5 + outSize), batch, inSize, outSize, atPageEnds: true);
    }

    [Theory]
    [InlineData(300, 5, 64)]
    [InlineData(700, 9, 97)]
    [InlineData(257, 33, 70)]
    [InlineData(300, 9, 512)]
    [InlineData(40, 13, 256)]
    [InlineData(1400, 40, 200)]
    [InlineData(300, 130, 64)]
    [InlineData(520, 128, 256)]
    public void A_weight_gradient_over_a_large_batch_matches_the_definition(int batch, int inSize, int outSize)
    {
        DenseKernelTests.CheckBackwardWeights<float>(new TestData(batch + 3 * outSize), batch, inSize, outSize);
        DenseKernelTests.CheckBackwardWeights<double>(new TestData(batch + 3 * outSize), batch, inSize, outSize);
    }

    [Theory]
    [InlineData(4, 70, 300)]
    [InlineData(13, 129, 600)]
    public void An_input_gradient_from_a_wide_next_layer_matches_the_definition(int batch, int inSize, int outSize)
    {
        var data = new TestData(batch + inSize);
        var (dz, _) = KernelTestData.Random<double>(data, batch * outSize);
        var (w, _) = KernelTestData.Random<double>(data, inSize * outSize);
        var transposed = new double[w.Length];
        NetGen.Kernels.Layout.Transpose<double>(w, transposed, inSize, outSize);
        var dx = new double[batch * inSize];

        Dense.BackwardInputTransposed<double>(dz, transposed, dx, batch, inSize, outSize);

        var (expected, magnitude) = KernelTestData.InputGradient(dz, w, batch, inSize, outSize);
        KernelTestData.AssertClose(dx, expected, magnitude, KernelTestData.Tolerance<double>(), $"Dense.BackwardInputTransposed batch {batch}, {inSize} <- {outSize}");
    }
}
