using System;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Quantization;

/// <summary>A layer whose weights are 16-bit floats of <typeparamref name="TFormat"/>, packed in pairs as <see cref="PackedProducts"/> reads them, summed in float.</summary>
internal sealed class PackedLayer<TFormat> : QuantizedLayer
    where TFormat : IPackedFormat, IPairDecoder<Vector512<float>>, IPairDecoder<Vector256<float>>, IPairDecoder<Vector128<float>>
{
    private readonly int _pairStride;
    private readonly ArraySegment<uint> _pairs;

    public PackedLayer(LayerDescription layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias) : base(layer, bias)
    {
        int lanes = PackedProducts.Lanes;
        _pairStride = RoundUp(InputSize, 2 * lanes) / 2;
        SumRows = RoundUp(OutputSize, PackedProducts.RowBlock);
        _pairs = WeightRows<uint>(SumRows, _pairStride);
        for (int o = 0; o < OutputSize; o++)
        {
            Span<uint> row = _pairs.AsSpan(o * _pairStride, _pairStride);
            for (int i = 0; i < InputSize; i++)
            {
                float w = weights[o * InputSize + i];
                ushort bits = TFormat.FromSingle(w);
                if (!float.IsFinite(TFormat.ToSingle(bits)))
                    throw new ArgumentException($"Weight [{o}, {i}] of {layer.WeightName} is {w}, which {TFormat.Name} cannot hold.", nameof(weights));
                (int pair, bool high) = PackedProducts.Place(i, lanes);
                row[pair] |= high ? (uint)bits << 16 : bits;
            }
        }
    }

    public override long Bytes => 4L * (_pairs.Count + Bias.Length);

    public override int SumRows { get; }

    public override int PaddedInput => 2 * _pairStride;

    protected override void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, QuantizedScratch scratch)
    {
        // The products read whole vectors: the input is copied into a row whose padding is zero, since stale
        // values there could be infinite and turn the padded weights' zeros into NaN.
        Span<float> padded = scratch.Padded.AsSpan(0, PaddedInput);
        x.CopyTo(padded);
        padded.Slice(InputSize).Clear();
        Span<float> sums = scratch.FloatSums.AsSpan(0, SumRows);
        PackedProducts.Multiply<TFormat>(padded, _pairs, _pairStride, sums);
        for (int o = 0; o < OutputSize; o++)
            y[o] = sums[o] + Bias[o];
    }
}
