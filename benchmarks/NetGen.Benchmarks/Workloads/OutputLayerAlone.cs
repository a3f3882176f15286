using System;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// What a sweep cell's <c>Forward</c> does after its first layer, alone: the narrow output layer over the cell's batch of
/// hidden rows and the softmax over its logits, through the kernels the generated forward calls, on hot caches. With
/// the first product at the share of the peak NetGen's product reaches alone (<see cref="ProductCeiling"/>), it makes
/// the least time the cell's forward can take (<see cref="LeastMicroseconds"/>): the forward also reads its inputs and
/// first weights from beyond L2, and runs these parts on caches the first product has just filled.
/// </summary>
internal sealed class OutputLayerAlone
{
    private readonly ForwardCase _cell;
    private readonly float[] _hidden, _weights, _bias, _logits;
    private readonly int _hiddenOrigin;

    public OutputLayerAlone(ForwardCase cell)
    {
        if (cell.Shape.Layers.Count != 2)
            throw new ArgumentException($"Expected a sweep cell of one hidden layer, not {cell.Shape.Name}.", nameof(cell));
        _cell = cell;
        // On a cache line, as the generated forward's hidden rows are (InferenceScratch.HiddenRows).
        _hidden = Alignment.Allocate<float>(cell.Batch * HiddenSize, out _hiddenOrigin);
        Workload.Inputs(cell.Batch * HiddenSize, 19).CopyTo(Hidden);
        _weights = Workload.Inputs(HiddenSize * cell.Shape.OutputSize, 20);
        _bias = Workload.Inputs(cell.Shape.OutputSize, 21);
        _logits = new float[cell.Batch * cell.Shape.OutputSize];
    }

    private int HiddenSize => _cell.Shape.Layers[0].Size;

    private Span<float> Hidden => _hidden.AsSpan(_hiddenOrigin, _cell.Batch * HiddenSize);

    /// <summary>The first layer's FLOPs in one call: 2·batch·in·hidden.</summary>
    public double FirstLayerFlops => 2.0 * _cell.Batch * _cell.Shape.InputSize * HiddenSize;

    /// <summary>The output layer, then the softmax, as the generated forward runs them.</summary>
    public void Run()
    {
        int outputs = _cell.Shape.OutputSize;
        Dense.Forward<float>(Hidden, _weights, _bias, _logits, _cell.Batch, HiddenSize, outputs);
        Activations.Softmax<float>(_logits, _cell.Batch, outputs);
    }

    /// <summary>
    /// The least time the cell's forward can take: its first product at <paramref name="productPercent"/> of
    /// <paramref name="peakGflops"/>, then this part, taking <paramref name="restMicroseconds"/>.
    /// </summary>
    public double LeastMicroseconds(double productPercent, double peakGflops, double restMicroseconds) =>
        FirstLayerFlops / (productPercent / 100 * peakGflops * 1e3) + restMicroseconds;
}
