using System;
using System.Collections.Generic;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>
/// One stage of a layer-list network. Spans hold one sample a row; the network owns every buffer,
/// so a layer only reads and writes what it is given.
/// </summary>
public abstract class Layer(int inputSize, int outputSize)
{
    public int InputSize { get; } = inputSize;
    public int OutputSize { get; } = outputSize;

    public virtual IReadOnlyList<Parameter> Parameters => [];

    public abstract void Forward(ReadOnlySpan<float> input, Span<float> output, int batch);

    /// <summary>
    /// Fills the parameters' gradients from the gradient at this layer's output and, unless
    /// <paramref name="inputGradient"/> is empty (the first layer), the gradient at its input.
    /// </summary>
    public abstract void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient,
        Span<float> inputGradient, int batch);
}
