using System;
using System.Runtime.CompilerServices;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>A thread's inference scratch: one sample's rows on a cache line, a batch's rows only once a batch comes.</summary>
public sealed class InferenceScratchTests
{
    [Fact]
    public void One_samples_rows_start_on_a_cache_line_and_hold_their_length()
    {
        var scratch = new InferenceScratch<float>(48, 3, 4096, 10, 7);

        Assert.True(scratch.Sample.Length - scratch.SampleOrigin >= 48);
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref scratch.Sample[scratch.SampleOrigin]);
        Assert.Equal(0, address % 64);
        Assert.Equal(3, scratch.Prediction.Length);
    }

    [Fact]
    public void A_batchs_rows_are_made_on_the_first_batch_once_and_kept()
    {
        var scratch = new InferenceScratch<double>(32, 2, 100, 10, 7);
        Assert.All(scratch.Rows, rows => Assert.Empty(rows));

        scratch.EnsureRows();
        double[] first = scratch.Rows[0], second = scratch.Rows[1];
        scratch.EnsureRows();

        Assert.Equal(100 * 10, scratch.HiddenRows(0).Length);
        Assert.Equal(100 * 7, scratch.HiddenRows(1).Length);
        Assert.Same(first, scratch.Rows[0]);
        Assert.Same(second, scratch.Rows[1]);
    }

    [Fact]
    public void Each_hidden_layers_rows_start_on_a_cache_line_within_their_array()
    {
        var scratch = new InferenceScratch<float>(32, 2, 100, 10, 7, 3);

        scratch.EnsureRows();

        for (int l = 0; l < 3; l++)
        {
            Span<float> rows = scratch.HiddenRows(l);
            nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref rows[0]);
            Assert.Equal(0, address % 64);
            // The span lies inside its array: its last row ends at or before the array's end.
            Assert.True(scratch.RowOrigins[l] + rows.Length <= scratch.Rows[l].Length);
        }
    }

    [Fact]
    public void A_network_of_one_layer_has_no_rows_to_make()
    {
        var scratch = new InferenceScratch<float>(16, 1, 4096);

        scratch.EnsureRows();

        Assert.Empty(scratch.Rows);
    }

    [Fact]
    public void Rows_beyond_an_array_are_refused_before_any_allocation()
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new InferenceScratch<float>(16, 1, 1 << 20, 1 << 12));

        Assert.Equal("hiddenSizes", thrown.ParamName);
    }
}
