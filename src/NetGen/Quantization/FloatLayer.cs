using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Kernels;

namespace NetGen.Quantization;

/// <summary>
/// A layer whose weights stay float: input-major, as a generated network holds them, and on a core whose products read
/// packed panels (<see cref="MatrixProduct.PackedColumns{T}"/>) packed once as well, so that a batch's product reads
/// them with nothing to copy, as ONNX Runtime packs a model's constant weights when its session is made.
/// </summary>
internal sealed class FloatLayer : QuantizedLayer
{
    /// <summary>
    /// The most rows multiplied together: the products reach their speed by then (784-256 ran at 83% of the FMA peak at
    /// batch 256, 85% at 128), and two layers' outputs of 256 rows of a 1024-wide layer are 2 MB of scratch a thread.
    /// </summary>
    private const int BatchRows = 256;

    /// <summary>The most floats of one layer's outputs for the rows taken at once (16 MB), so that a very wide layer takes fewer rows.</summary>
    private const int ScratchFloats = 4 << 20;

    private readonly ArraySegment<float> _weights, _panels;

    public FloatLayer(LayerDescription layer, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias) : base(layer, bias)
    {
        _weights = WeightRows<float>(InputSize, OutputSize);
        Layout.Transpose<float>(weights, _weights, rows: OutputSize, columns: InputSize);
        int packedColumns = MatrixProduct.PackedColumns<float>(OutputSize);
        _panels = packedColumns == 0 ? ArraySegment<float>.Empty : WeightRows<float>(InputSize, packedColumns);
        MatrixProduct.PackPanels<float>(_weights, _panels, OutputSize, InputSize);
    }

    public override long Bytes => 4L * (_weights.Count + _panels.Count + Bias.Length);

    public override int SumRows => 0;

    public override int PaddedInput => 0;

    public override int RowsAtOnce => Math.Clamp(ScratchFloats / OutputSize, 1, BatchRows);

    protected override void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, QuantizedScratch scratch) => MultiplyAddBias(x, y, 1, scratch);

    protected override void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, int rows, QuantizedScratch scratch) =>
        MultiplyAddBiasActivated(x, y, rows, Activation.Identity, 0f);

    protected override bool MultiplyAddBiasActivated(ReadOnlySpan<float> x, Span<float> y, int rows, Activation activation, float argument)
    {
        // The product reads the panels only where they were packed for the kind of core it runs on (MultiplyColumns).
        ref float panels = ref _panels.Count == 0 ? ref Unsafe.NullRef<float>() : ref MemoryMarshal.GetReference(_panels.AsSpan());
        MatrixProduct.Multiply(ref MemoryMarshal.GetReference(x), InputSize, 1, ref MemoryMarshal.GetReference(_weights.AsSpan()), ref panels,
            ref MemoryMarshal.GetReference(y), ref MemoryMarshal.GetArrayDataReference(Bias), hasInit: true, rows, OutputSize, InputSize, activation, argument);
        return true;
    }
}
