using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>Identity for inference; in training <c>Σ (y − t)² / n</c> over all n values, gradient <c>2(y − t) / n</c>.</summary>
public sealed class MeanSquaredErrorLayer : OutputLayer
{
    public override void Infer(ReadOnlySpan<float> last, Span<float> output, int batch, int size) =>
        last.Slice(0, batch * size).CopyTo(output);

    public override float Loss(ReadOnlySpan<float> last, ReadOnlySpan<float> targets, Span<float> gradient, int batch, int size)
    {
        int n = batch * size;
        Span<float> g = gradient.Slice(0, n);
        TensorPrimitives.Subtract(last.Slice(0, n), targets.Slice(0, n), g);
        float loss = TensorPrimitives.SumOfSquares<float>(g) / n;
        TensorPrimitives.Multiply(g, 2f / n, g);
        return loss;
    }
}
