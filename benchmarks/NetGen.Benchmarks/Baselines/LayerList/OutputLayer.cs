using System;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>
/// The last stage: turns the last dense layer's output into the network's output for inference,
/// and into the batch's mean loss and its gradient for training.
/// </summary>
public abstract class OutputLayer
{
    public abstract void Infer(ReadOnlySpan<float> last, Span<float> output, int batch, int size);

    public virtual float Loss(ReadOnlySpan<float> last, ReadOnlySpan<float> targets, Span<float> gradient, int batch, int size) =>
        throw new NotSupportedException($"{GetType().Name} takes class labels.");

    public virtual float Loss(ReadOnlySpan<float> last, ReadOnlySpan<int> labels, Span<float> gradient, int batch, int size) =>
        throw new NotSupportedException($"{GetType().Name} takes target rows.");
}
