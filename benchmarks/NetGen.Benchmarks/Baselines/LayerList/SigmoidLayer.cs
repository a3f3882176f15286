using System;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary><c>y = 1 / (1 + e^−x)</c>; <c>dx = dy·y·(1 − y)</c>.</summary>
public sealed class SigmoidLayer(int size) : Layer(size, size)
{
    public override void Forward(ReadOnlySpan<float> input, Span<float> output, int batch) =>
        TensorPrimitives.Sigmoid(input.Slice(0, batch * InputSize), output.Slice(0, batch * InputSize));

    public override void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient,
        Span<float> inputGradient, int batch)
    {
        int n = batch * InputSize;
        ReadOnlySpan<float> y = output.Slice(0, n);
        Span<float> dx = inputGradient.Slice(0, n);
        TensorPrimitives.Subtract(1f, y, dx);
        TensorPrimitives.Multiply(dx, y, dx);
        TensorPrimitives.Multiply(dx, outputGradient.Slice(0, n), dx);
    }
}
