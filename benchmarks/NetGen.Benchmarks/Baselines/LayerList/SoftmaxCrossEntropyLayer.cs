using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>
/// Softmax for inference; in training, softmax and cross-entropy fused over the logits z:
/// per row <c>lse = m + log Σ e^(z − m)</c>, loss <c>lse − z_label</c>, gradient <c>(softmax(z) − onehot) / batch</c>.
/// </summary>
public sealed class SoftmaxCrossEntropyLayer : OutputLayer
{
    public override void Infer(ReadOnlySpan<float> last, Span<float> output, int batch, int size)
    {
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<float> z = last.Slice(s * size, size);
            Span<float> p = output.Slice(s * size, size);
            TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), p);
            TensorPrimitives.Exp(p, p);
            TensorPrimitives.Divide(p, TensorPrimitives.Sum<float>(p), p);
        }
    }

    public override float Loss(ReadOnlySpan<float> last, ReadOnlySpan<int> labels, Span<float> gradient, int batch, int size)
    {
        float inverseBatch = 1f / batch, total = 0;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<float> z = last.Slice(s * size, size);
            Span<float> g = gradient.Slice(s * size, size);
            int label = labels[s];
            if ((uint)label >= (uint)size)
                throw new ArgumentException($"Label {label} is outside 0..{size - 1}.", nameof(labels));
            float max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, g);
            TensorPrimitives.Exp(g, g);
            float sum = TensorPrimitives.Sum<float>(g);
            total += max + MathF.Log(sum) - z[label];
            TensorPrimitives.Multiply(g, inverseBatch / sum, g);
            g[label] -= inverseBatch;
        }
        return total * inverseBatch;
    }
}
