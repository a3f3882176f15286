using System.Collections.Generic;

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

    public int OutputSize => Layers[^1].Size;

    /// <summary>Σ in·out over the layers: the multiply-adds of one sample's forward pass.</summary>
    public long MultiplyAddsPerSample
    {
        get
        {
            long total = 0;
            int previous = InputSize;
            foreach ((int size, _) in Layers)
            {
                total += (long)previous * size;
                previous = size;
            }
            return total;
        }
    }

    /// <summary>
    /// The FLOPs a training step counts per sample: 6·Σ in·out (2 for the forward product and 2 for
    /// each of the two backward products), the convention of the W5 target.
    /// </summary>
    public long TrainingFlopsPerSample => 6 * MultiplyAddsPerSample;
}
