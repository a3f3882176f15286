using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary><c>y = tanh x</c>; <c>dx = dy·(1 − y²)</c>.</summary>
public sealed class TanhLayer(int size) : Layer(size, size)
{
    public override void Forward(ReadOnlySpan<float> input, Span<float> output, int batch) =>
        TensorPrimitives.Tanh(input.Slice(0, batch * InputSize), output.Slice(0, batch * InputSize));

    public override void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient,
        Span<float> inputGradient, int batch)
    {
        int n = batch * InputSize;
        ReadOnlySpan<float> y = output.Slice(0, n);
        Span<float> dx = inputGradient.Slice(0, n);
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(1f, dx, dx);
        TensorPrimitives.Multiply(dx, outputGradient.Slice(0, n), dx);
    }
}
