using System;
using System.Runtime.CompilerServices;
using NetGen.Quantization;
using Xunit;

namespace NetGen.Tests.Quantization;

/// <summary>
/// A quantized layer's weight rows start on a cache line, so that each row's 512-bit loads do (every stride is a
/// whole number of 64-byte vectors): rows off a line made a 784-256 layer's Int8 products nearly twice as slow.
/// </summary>
public sealed class QuantizedWeightRowsTests
{
    [Theory]
    [InlineData(1, 64)]
    [InlineData(12, 256)]
    [InlineData(256, 832)]
    public void Int8_rows_start_on_a_cache_line_and_hold_every_row(int rows, int stride) => AssertRows<sbyte>(rows, stride);

    [Theory]
    [InlineData(4, 16)]
    [InlineData(256, 400)]
    public void Packed_pair_rows_start_on_a_cache_line_and_hold_every_row(int rows, int stride) => AssertRows<uint>(rows, stride);

    private static unsafe void AssertRows<TElement>(int rows, int stride) where TElement : unmanaged
    {
        // Several layers, since an array may fall on a line by chance.
        for (int k = 0; k < 8; k++)
        {
            ArraySegment<TElement> segment = new RowsProbe().Rows<TElement>(rows, stride);
            Assert.Equal(rows * stride, segment.Count);
            Assert.True(segment.Offset + segment.Count <= segment.Array!.Length);
            fixed (TElement* first = &segment.Array[segment.Offset])
                Assert.Equal(0L, (long)first % 64);
            foreach (TElement value in segment)
                Assert.Equal(default, value);
        }
    }

    /// <summary>A layer of no use but its storage: <see cref="QuantizedLayer"/>'s rows, as its formats take them.</summary>
    private sealed class RowsProbe() : QuantizedLayer(new LayerDescription(4, Activation.Identity), new float[4])
    {
        public ArraySegment<TElement> Rows<TElement>(int rows, int stride) where TElement : unmanaged => WeightRows<TElement>(rows, stride);

        public override long Bytes => 0;

        public override int SumRows => 0;

        public override int PaddedInput => 0;

        protected override void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, QuantizedScratch scratch) => throw new NotSupportedException();
    }
}
