using System;
using System.Numerics;
using NetGen.Kernels;

namespace NetGen.Quantization;

/// <summary>
/// A layer with 8-bit weights, one scale per output, and its input quantized per sample to 7 bits:
/// <c>y[o] = (Σ_i q_x[i]·q_w[o, i] − z·Σ_i q_w[o, i])·step·s[o] + b[o]</c>, the sums exact in 32-bit integers.
/// </summary>
internal sealed class Int8Layer : QuantizedLayer
{
    /// <summary>
    /// The widest input whose sums cannot overflow 32 bits: each product is at most 127·127 in size, and the
    /// zero-point term as large again.
    /// </summary>
    public const int MaximumInputSize = int.MaxValue / (2 * 127 * 127);

    private readonly int _stride;
    private readonly ArraySegment<sbyte> _weights;
    private readonly float[] _scales;
    private readonly int[] _rowSums;

    public Int8Layer(LayerDescription layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias) : base(layer, bias)
    {
        if (layer.InputSize > MaximumInputSize)
            throw new ArgumentException($"Int8 weights take layers of at most {MaximumInputSize} inputs, so that their integer sums fit 32 bits; {layer.WeightName} has {layer.InputSize}.", nameof(layer));
        _stride = RoundUp(InputSize, Int8Products.RowAlignment);
        SumRows = RoundUp(OutputSize, Int8Products.RowBlock);
        _weights = WeightRows<sbyte>(SumRows, _stride);
        _scales = new float[OutputSize];
        _rowSums = new int[OutputSize];
        for (int o = 0; o < OutputSize; o++)
        {
            Span<sbyte> quantized = _weights.AsSpan(o * _stride, InputSize);
            _scales[o] = Int8Rows.Quantize(weights.Slice(o * InputSize, InputSize), quantized);
            foreach (sbyte q in quantized)
                _rowSums[o] += q;
        }
    }

    public override long Bytes => _weights.Count + 4L * (_scales.Length + _rowSums.Length + Bias.Length);

    public override int SumRows { get; }

    public override int PaddedInput => _stride;

    protected override void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, QuantizedScratch scratch)
    {
        Span<byte> levels = scratch.Levels.AsSpan(0, _stride);
        Span<int> sums = scratch.IntegerSums.AsSpan(0, SumRows);
        float step = ActivationQuantizer.Quantize(x, levels, out int zeroPoint);
        Int8Products.Multiply(levels, _weights, _stride, sums);
        int o = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var zero = new Vector<int>(zeroPoint);
            var steps = new Vector<float>(step);
            for (; o <= OutputSize - Vector<int>.Count; o += Vector<int>.Count)
            {
                Vector<int> centred = new Vector<int>(sums.Slice(o)) - zero * new Vector<int>(_rowSums.AsSpan(o));
                (Vector.ConvertToSingle(centred) * (steps * new Vector<float>(_scales.AsSpan(o))) + new Vector<float>(Bias.AsSpan(o))).CopyTo(y.Slice(o));
            }
        }
        for (; o < OutputSize; o++)
            y[o] = (sums[o] - zeroPoint * _rowSums[o]) * (step * _scales[o]) + Bias[o];
    }
}
