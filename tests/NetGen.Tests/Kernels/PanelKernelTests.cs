using System;
using System.Linq;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The dense kernels over weights that lie panel by panel (<see cref="NetGen.Kernels.Layout.HoldsPanels{T}"/>) against
/// plain loops over the same weights input-major, with the panels laid out here from their definition (each 64 floats'
/// or 32 doubles' weights [in, width] row-major, one panel after the other): the forward product, over all the weight rows
/// and over a range of them, one sample with its activation, and rows of the weight gradient (from dZ as it is, or copied
/// panel by panel chunk by chunk), written where the layout puts them and nowhere else. Each case runs as the core's products run and again as a core that reads no packed panels
/// (the products switched to the kind of core that splits 512-bit multiply-adds), whose kernels take each panel apart;
/// so the class runs alone, in <see cref="VectorPipesProductTests"/>' collection, that no other test's products change
/// path meanwhile.
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class PanelKernelTests
{
    [Theory]
    [InlineData(1, 70, 128)]
    [InlineData(3, 33, 64)]
    [InlineData(5, 300, 192)]
    [InlineData(37, 129, 64)]
    [InlineData(130, 784, 256)]
    [InlineData(16, 1024, 1024)]
    public void The_forward_product_over_panels_matches_the_definition(int batch, int inSize, int outSize)
    {
        OnEachKindOfCore(() =>
        {
            CheckForward<float>(new TestData(batch + inSize), batch, inSize, outSize);
            CheckForward<double>(new TestData(batch + inSize), batch, inSize, outSize);
        });
    }

    [Theory]
    [InlineData(70, 128, Activation.ReLU)]
    [InlineData(784, 256, Activation.Tanh)]
    [InlineData(40, 64, Activation.Softmax)]
    [InlineData(50, 128, Activation.LeakyReLU)]
    public void One_sample_over_panels_matches_the_definition(int inSize, int outSize, Activation activation)
    {
        OnEachKindOfCore(() =>
        {
            CheckForwardOne<float>(new TestData(inSize), inSize, outSize, activation, 1e-5);
            CheckForwardOne<double>(new TestData(inSize), inSize, outSize, activation, 1e-12);
        });
    }

    [Theory]
    [InlineData(3, 33, 64, 0, 33)]
    [InlineData(70, 300, 192, 8, 100)]
    [InlineData(130, 784, 256, 392, 392)]
    [InlineData(200, 40, 128, 32, 8)]
    public void Weight_gradient_rows_land_in_their_panels(int batch, int inSize, int outSize, int firstRow, int rowCount)
    {
        OnEachKindOfCore(() =>
        {
            CheckWeightRows<float>(new TestData(batch + firstRow), batch, inSize, outSize, firstRow, rowCount);
            CheckWeightRows<double>(new TestData(batch + firstRow), batch, inSize, outSize, firstRow, rowCount);
        });
    }

    [Theory]
    [InlineData(3, 33, 64, 0, 33, 2)]
    [InlineData(70, 300, 192, 8, 100, 32)]
    [InlineData(130, 784, 256, 392, 392, 64)]
    [InlineData(200, 40, 128, 32, 8, 64)]
    public void Weight_gradient_rows_from_a_dz_copied_panel_by_panel_chunk_by_chunk_land_in_their_panels(int batch, int inSize, int outSize,
        int firstRow, int rowCount, int chunk)
    {
        OnEachKindOfCore(() =>
        {
            CheckWeightRows<float>(new TestData(batch + firstRow), batch, inSize, outSize, firstRow, rowCount, chunk);
            CheckWeightRows<double>(new TestData(batch + firstRow), batch, inSize, outSize, firstRow, rowCount, chunk);
        });
    }

    [Fact]
    public void The_kernels_over_panels_check_their_sizes()
    {
        var x = new float[4 * 10];
        var dw = new float[10 * 128];
        var dzPanels = new float[6 * 128];
        // A batch of 7 rows in panels of 6, a width that fills no panel, and rows beyond the panels' rows.
        var tooMany = Assert.Throws<ArgumentException>(() =>
            Dense.BackwardPanelWeightRows<float>(new float[7 * 10], dzPanels, 6, dw, 7, 10, 128, 0, 10));
        Assert.Equal("batch", tooMany.ParamName);
        var width = Assert.Throws<ArgumentException>(() =>
            Dense.BackwardPanelWeightRows<float>(x, new float[6 * 96], 6, new float[10 * 96], 4, 10, 96, 0, 10));
        Assert.Contains("64", width.Message);
        // Every kernel over weights panel by panel refuses outputs that fill no whole panels, before reading any.
        var x96 = new float[4 * 10];
        var w96 = new float[10 * 96];
        Assert.Contains("64", Assert.Throws<ArgumentException>(() =>
            Dense.Forward<float>(x96, w96, new float[96], new float[4 * 96], 4, 10, 96, panels: true)).Message);
        Assert.Contains("64", Assert.Throws<ArgumentException>(() =>
            Dense.ForwardRows<float>(x96, w96, new float[4 * 96], 4, 10, 96, 0, 10, panels: true)).Message);
        Assert.Contains("64", Assert.Throws<ArgumentException>(() =>
            Dense.ForwardOne<float>(new float[10], new float[10 * 96 + 96], 0, 10 * 96, new float[96], 10, 96, Activation.ReLU, panels: true)).Message);
        Assert.Contains("64", Assert.Throws<ArgumentException>(() =>
            Dense.BackwardLayerWeightRows<float>(x96, new float[4 * 96], new float[10 * 96], 4, 10, 96, 0, 10, panels: true)).Message);
        var rows = Assert.Throws<ArgumentException>(() => Dense.CopyToPanels<float>(new float[2 * 128], dzPanels, 5, 2, 128, 6));
        Assert.Equal("first", rows.ParamName);
        Assert.Throws<ArgumentException>(() => Dense.CopyToPanels<float>(new float[2 * 128], new float[5 * 128], 0, 2, 128, 6));
    }

    [Fact]
    public void A_layer_holds_panels_only_where_its_outputs_fill_them_and_the_core_reads_them()
    {
        Assert.False(NetGen.Kernels.Layout.HoldsPanels<float>(100));
        Assert.False(NetGen.Kernels.Layout.HoldsPanels<float>(32));
        Assert.False(NetGen.Kernels.Layout.HoldsPanels<double>(48));
        Assert.Equal(MatrixProduct.PackedColumns<float>(128) == 128, NetGen.Kernels.Layout.HoldsPanels<float>(128));
        VectorPipesProductTests.AsCore(halved: true, () => Assert.False(NetGen.Kernels.Layout.HoldsPanels<float>(256)));
    }

    /// <summary>Runs <paramref name="check"/> as this core's products run, then as those of a core that reads no packed panels.</summary>
    private static void OnEachKindOfCore(Action check)
    {
        check();
        VectorPipesProductTests.AsCore(halved: true, check);
    }

    private static int Width<T>() => typeof(T) == typeof(float) ? 64 : 32;

    /// <summary>Input-major weights [in, out] laid out panel by panel, from the layout's definition.</summary>
    private static T[] Panels<T>(double[] inputMajor, int inSize, int outSize) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Width<T>();
        var panels = new T[inSize * outSize];
        for (int i = 0; i < inSize; i++)
            for (int o = 0; o < outSize; o++)
                panels[o / width * (inSize * width) + i * width + o % width] = T.CreateChecked(inputMajor[i * outSize + o]);
        return panels;
    }

    private static T[] Cast<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        values.Select(T.CreateChecked).ToArray();

    /// <summary><c>Σ x[s, i]·w[i, o]</c> over inputs first to first + count − 1, in double.</summary>
    private static double Sum(double[] x, double[] w, int s, int o, int inSize, int outSize, int first, int count)
    {
        double sum = 0;
        for (int i = first; i < first + count; i++)
            sum += x[s * inSize + i] * w[i * outSize + o];
        return sum;
    }

    private static void AssertClose<T>(double expected, T actual, double scale) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double tolerance = (typeof(T) == typeof(float) ? 2e-5 : 1e-12) * (1 + scale);
        Assert.InRange(double.CreateChecked(actual), expected - tolerance, expected + tolerance);
    }

    private static void CheckForward<T>(TestData data, int batch, int inSize, int outSize) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] x = data.Normals(batch * inSize), w = data.Normals(inSize * outSize, 0.1), bias = data.Normals(outSize);
        if (typeof(T) == typeof(float))
            (x, w, bias) = (Rounded(x), Rounded(w), Rounded(bias));
        T[] panels = Panels<T>(w, inSize, outSize);
        var z = new T[batch * outSize];
        Dense.Forward<T>(Cast<T>(x), panels, Cast<T>(bias), z, batch, inSize, outSize, panels: true);
        double scale = Math.Sqrt(inSize) * 0.1;
        for (int s = 0; s < batch; s++)
            for (int o = 0; o < outSize; o++)
                AssertClose(bias[o] + Sum(x, w, s, o, inSize, outSize, 0, inSize), z[s * outSize + o], scale);

        // The product of the second half of the weight rows, without the bias.
        int first = inSize / 2, count = inSize - first;
        Dense.ForwardRows<T>(Cast<T>(x), panels, z, batch, inSize, outSize, first, count, panels: true);
        for (int s = 0; s < batch; s++)
            for (int o = 0; o < outSize; o++)
                AssertClose(Sum(x, w, s, o, inSize, outSize, first, count), z[s * outSize + o], scale);
    }

    private static void CheckForwardOne<T>(TestData data, int inSize, int outSize, Activation activation, double tolerance)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] x = data.Normals(inSize), w = data.Normals(inSize * outSize, 0.1), bias = data.Normals(outSize);
        if (typeof(T) == typeof(float))
            (x, w, bias) = (Rounded(x), Rounded(w), Rounded(bias));
        // The layer's weights, then its bias, in a parameter array that starts with three other values.
        T[] parameters = [T.One, T.One, T.One, .. Panels<T>(w, inSize, outSize), .. Cast<T>(bias)];
        var z = new T[outSize];
        Dense.ForwardOne<T>(Cast<T>(x), parameters, 3, 3 + inSize * outSize, z, inSize, outSize, activation, panels: true);
        double[] pre = Enumerable.Range(0, outSize).Select(o => bias[o] + Sum(x, w, 0, o, inSize, outSize, 0, inSize)).ToArray();
        double[] expected = activation switch
        {
            Activation.ReLU => pre.Select(v => Math.Max(v, 0)).ToArray(),
            Activation.Tanh => pre.Select(Math.Tanh).ToArray(),
            Activation.LeakyReLU => pre.Select(v => v > 0 ? v : 0.01 * v).ToArray(),
            Activation.Softmax => pre.Select(v => Math.Exp(v - pre.Max()) / pre.Sum(u => Math.Exp(u - pre.Max()))).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };
        for (int o = 0; o < outSize; o++)
            Assert.InRange(double.CreateChecked(z[o]), expected[o] - tolerance * (1 + Math.Abs(expected[o])) * Math.Sqrt(inSize),
                expected[o] + tolerance * (1 + Math.Abs(expected[o])) * Math.Sqrt(inSize));
    }

    /// <summary>
    /// Rows of the weight gradient from the whole dZ (<paramref name="chunk"/> 0), or from a dZ copied panel by panel in
    /// chunks of <paramref name="chunk"/> rows into panels of a few more rows than the batch, whose spare rows hold a
    /// value the gradient would show.
    /// </summary>
    private static void CheckWeightRows<T>(TestData data, int batch, int inSize, int outSize, int firstRow, int rowCount, int chunk = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] x = data.Normals(batch * inSize), dz = data.Normals(batch * outSize);
        if (typeof(T) == typeof(float))
            (x, dz) = (Rounded(x), Rounded(dz));
        int width = Width<T>();
        T sentinel = T.CreateChecked(1234.5);
        var dw = Enumerable.Repeat(sentinel, inSize * outSize).ToArray();
        if (chunk == 0)
            Dense.BackwardLayerWeightRows<T>(Cast<T>(x), Cast<T>(dz), dw, batch, inSize, outSize, firstRow, rowCount, panels: true);
        else
        {
            int panelRows = batch + 5;
            var dzPanels = Enumerable.Repeat(sentinel, panelRows * outSize).ToArray();
            T[] rows = Cast<T>(dz);
            for (int first = 0; first < batch; first += chunk)
            {
                int count = Math.Min(chunk, batch - first);
                Dense.CopyToPanels<T>(rows.AsSpan(first * outSize, count * outSize), dzPanels, first, count, outSize, panelRows);
            }
            Dense.BackwardPanelWeightRows<T>(Cast<T>(x), dzPanels, panelRows, dw, batch, inSize, outSize, firstRow, rowCount);
        }
        for (int i = 0; i < inSize; i++)
        {
            for (int o = 0; o < outSize; o++)
            {
                T actual = dw[o / width * (inSize * width) + i * width + o % width];
                if (i < firstRow || i >= firstRow + rowCount)
                {
                    Assert.Equal(sentinel, actual);
                    continue;
                }
                double expected = 0;
                for (int s = 0; s < batch; s++)
                    expected += x[s * inSize + i] * dz[s * outSize + o];
                AssertClose(expected, actual, Math.Sqrt(batch));
            }
        }
    }

    private static double[] Rounded(double[] values) => values.Select(v => (double)(float)v).ToArray();
}
