using System.Collections.Generic;
using System.Linq;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// A benchmark network's shape as plain data, the same declaration its generated class carries
/// in attributes, so that the layer-list engine and the ONNX model are built to match it.
/// </summary>
public sealed record NetworkShape(string Name, int InputSize, IReadOnlyList<(int Size, Activation Activation)> Layers, Loss Loss)
{
    public static readonly NetworkShape Spiral = new("2-10-3", 2, [(10, Activation.Sigmoid), (3, Activation.Softmax)], Loss.CrossEntropy);
    public static readonly NetworkShape Control = new("16-32-32-1", 16, [(32, Activation.Tanh), (32, Activation.Tanh), (1, Activation.Identity)], Loss.MeanSquaredError);
    public static readonly NetworkShape Mnist = new("784-256-10", 784, [(256, Activation.ReLU), (10, Activation.Softmax)], Loss.CrossEntropy);
    public static readonly NetworkShape Regressor = new("24-8-2", 24, [(8, Activation.Tanh), (2, Activation.Identity)], Loss.MeanSquaredError);

    /// <summary>The batched-inference sweep's shapes (784-256-10 is <see cref="Mnist"/>): ReLU, then a softmax output.</summary>
    public static readonly NetworkShape Sweep64 = new("64-64-10", 64, [(64, Activation.ReLU), (10, Activation.Softmax)], Loss.CrossEntropy);
    public static readonly NetworkShape Sweep256 = new("256-256-10", 256, [(256, Activation.ReLU), (10, Activation.Softmax)], Loss.CrossEntropy);
    public static readonly NetworkShape Sweep1024 = new("1024-1024-10", 1024, [(1024, Activation.ReLU), (10, Activation.Softmax)], Loss.CrossEntropy);

    public int OutputSize => Layers[^1].Size;

    /// <summary>The layer sizes, input first.</summary>
    public int[] Sizes => [InputSize, .. Layers.Select(l => l.Size)];

    /// <summary>Σ in·out over the layers: the multiply-adds of one sample's forward pass.</summary>
    public long MultiplyAddsPerSample => Flops.MultiplyAdds(Sizes);

    /// <summary>One sample's forward pass: 2·Σ in·out.</summary>
    public long ForwardFlopsPerSample => Flops.ForwardPerSample(Sizes);

    /// <summary>
    /// One sample's share of a training step, counting the products actually needed:
    /// 2·(3·Σ in·out − in₁·out₁) (see <see cref="TrainingFlopsAttribute"/>).
    /// </summary>
    public long TrainingFlopsPerSample => Flops.TrainingPerSample(Sizes);
}
