using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary><c>y = max(x, 0)</c>; <c>dx = y > 0 ? dy : 0</c>.</summary>
public sealed class ReluLayer(int size) : Layer(size, size)
{
    public override void Forward(ReadOnlySpan<float> input, Span<float> output, int batch) =>
        TensorPrimitives.Max(input.Slice(0, batch * InputSize), 0f, output.Slice(0, batch * InputSize));

    public override void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient,
        Span<float> inputGradient, int batch)
    {
        // TensorPrimitives has no masked select, so this one is a Vector<T> loop.
        int n = batch * InputSize;
        ReadOnlySpan<float> y = output.Slice(0, n), dy = outputGradient.Slice(0, n);
        Span<float> dx = inputGradient.Slice(0, n);
        ReadOnlySpan<Vector<float>> yVectors = MemoryMarshal.Cast<float, Vector<float>>(y);
        ReadOnlySpan<Vector<float>> dyVectors = MemoryMarshal.Cast<float, Vector<float>>(dy);
        Span<Vector<float>> dxVectors = MemoryMarshal.Cast<float, Vector<float>>(dx);
        for (int v = 0; v < dxVectors.Length; v++)
            dxVectors[v] = Vector.ConditionalSelect(Vector.GreaterThan(yVectors[v], Vector<float>.Zero), dyVectors[v], Vector<float>.Zero);
        for (int k = dxVectors.Length * Vector<float>.Count; k < n; k++)
            dx[k] = y[k] > 0 ? dy[k] : 0;
    }
}
