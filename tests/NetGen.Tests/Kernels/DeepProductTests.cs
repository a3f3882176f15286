using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Deep and wide products against plain loops: the forward product over a deep input, the weight gradient over a
/// large batch and the input gradient from a wide next layer, with widths that leave every tail (a 128-bit vector,
/// scalars) after the widest vectors, and with outputs whose rows lie a multiple of 2 KB apart (512 floats, 256
/// doubles), which the product reads through copies of its column panels.
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
    public void A_deep_forward_product_matches_the_definition(int batch, int inSize, int outSize)
    {
        Forward<float>(batch, inSize, outSize);
        Forward<double>(batch, inSize, outSize);
    }

    [Theory]
    [InlineData(300, 5, 64)]
    [InlineData(700, 9, 97)]
    [InlineData(257, 33, 70)]
    [InlineData(300, 9, 512)]
    [InlineData(40, 13, 256)]
    public void A_weight_gradient_over_a_large_batch_matches_the_definition(int batch, int inSize, int outSize)
    {
        BackwardWeights<float>(batch, inSize, outSize);
        BackwardWeights<double>(batch, inSize, outSize);
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

    private static void Forward<T>(int batch, int inSize, int outSize) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(batch * 7 + inSize);
        var (x, xd) = KernelTestData.Random<T>(data, batch * inSize);
        var (w, wd) = KernelTestData.Random<T>(data, inSize * outSize);
        var (bias, bd) = KernelTestData.Random<T>(data, outSize);
        var z = new GuardedBuffer<T>(batch * outSize);

        Dense.Forward<T>(x, w, bias, z.Span, batch, inSize, outSize);

        var (expected, magnitude) = KernelTestData.DenseForward(xd, wd, bd, batch, inSize, outSize);
        string what = $"Dense.Forward<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}";
        KernelTestData.AssertClose(z.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
        z.AssertGuardsIntact(what);
    }

    private static void BackwardWeights<T>(int batch, int inSize, int outSize) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(batch + 3 * outSize);
        var (x, xd) = KernelTestData.Random<T>(data, batch * inSize);
        var (dz, dzd) = KernelTestData.Random<T>(data, batch * outSize);
        var dw = new GuardedBuffer<T>(inSize * outSize);
        var dBias = new GuardedBuffer<T>(outSize);

        Dense.BackwardWeights<T>(x, dz, dw.Span, dBias.Span, batch, inSize, outSize);

        var (expected, magnitude) = KernelTestData.WeightGradient(xd, dzd, batch, inSize, outSize);
        string what = $"Dense.BackwardWeights<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}";
        KernelTestData.AssertClose(dw.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
        dw.AssertGuardsIntact(what);
    }
}
