using System;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// What NetGen's product reaches with nothing in its way: one layer whose weights are a single packed panel of four
/// 512-bit vectors (64 outputs), 784 deep, over 120 rows (twenty of the six-row blocks every large forward runs in), A
/// (376 KB) and B (200 KB) both in L2 from one call to the next, bias and ReLU in the blocks' epilogue as in a network's
/// first layer, and a call long enough (12 MFLOP) that its own cost is a few hundredths of a percent. A
/// network's forward adds what this leaves out (its inputs and its first layer's weights come from beyond L2 once a
/// call, the narrow output layer and the softmax, <see cref="OutputLayerAlone"/>), so its share of the peak stays below
/// this one.
/// </summary>
internal sealed class ProductCeiling
{
    private const int Rows = 120, Depth = 784, Columns = 64;

    private readonly float[] _inputs = Workload.Inputs(Rows * Depth, 16);
    // On a cache line, as a network's parameters are (Alignment): a panel's 512-bit loads then never straddle two lines.
    private readonly float[] _weights;
    private readonly int _weightsOrigin;
    private readonly float[] _bias = Workload.Inputs(Columns, 18);
    private readonly float[] _outputs = new float[Rows * Columns];

    public ProductCeiling()
    {
        _weights = Alignment.Allocate<float>(Depth * Columns, out _weightsOrigin);
        Workload.Inputs(Depth * Columns, 17).CopyTo(Weights);
    }

    private Span<float> Weights => _weights.AsSpan(_weightsOrigin, Depth * Columns);

    /// <summary>The multiply-adds of one call, two FLOPs each.</summary>
    public static double FlopsPerCall => 2.0 * Rows * Depth * Columns;

    /// <summary>One layer's forward, its weights panel by panel where a network's first layer holds them so: one panel is the same in either layout.</summary>
    public void Run() => Dense.Forward<float>(_inputs, Weights, _bias, _outputs, Rows, Depth, Columns, Layout.HoldsPanels<float>(Columns), Activation.ReLU);
}
