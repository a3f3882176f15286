using System;
using System.Collections.Generic;
using NetGen.Kernels;

namespace NetGen.Training.Tests.Runtime;

/// <summary>
/// A stand-in for a generated network's shape-specific work, two inputs and one output: sample s of a batch
/// adds <c>(k + 1)·x₀ + t</c> to the gradient of parameter k and <c>x₀·t / batch</c> to the loss, in row
/// order, and every call is recorded, so that tests see what NetworkTraining asks of a network and when.
/// </summary>
internal sealed class FakeLayers : ITrainingLayers<double>
{
    public const int InputSize = 2, OutputSize = 1;

    public readonly List<int> Grown = [];
    public readonly List<(int First, int Count, int Batch)> Chunks = [];
    public readonly List<string> Calls = [];
    public int[]? LastLabels;

    /// <summary>Runs inside the first ComputeChunk of each batch, while NetworkTraining holds its guard.</summary>
    public Action? InsideChunk;

    public void Grow(int batch) => Grown.Add(batch);

    public double ComputeChunk(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, ReadOnlySpan<int> labels, int first, int count, int batch, Span<double> gradients)
    {
        lock (Chunks)
        {
            Chunks.Add((first, count, batch));
            Calls.Add("chunk");
        }
        if (first == 0)
            InsideChunk?.Invoke();
        if (targets.IsEmpty)
            LastLabels = labels.ToArray();
        double loss = 0;
        for (int k = 0; k < gradients.Length; k++)
            gradients[k] = 0;
        for (int s = 0; s < count; s++)
        {
            double x = inputs[s * InputSize];
            double t = targets.IsEmpty ? labels[s] : targets[s];
            loss += x * t / batch;
            for (int k = 0; k < gradients.Length; k++)
                gradients[k] += (k + 1) * x + t;
        }
        return loss;
    }

    public void BeginBatch(int batch)
    {
        lock (Chunks)
            Calls.Add($"begin {batch}");
    }

    public void FirstProducts(int half, ReadOnlySpan<double> inputs, int batch)
    {
        lock (Chunks)
            Calls.Add($"products {half} {batch}");
    }

    public void FirstWeightRows(ReadOnlySpan<double> inputs, int batch, Span<double> gradients, int firstRow, int rows)
    {
        lock (Chunks)
            Calls.Add($"rows {firstRow} {rows}");
        // Layer 1's weights are [in, out] from 0 with one output here: row r is parameter r, given 100 + r.
        for (int r = firstRow; r < firstRow + rows; r++)
            gradients[r] = 100 + r;
    }

    public void FirstBias(int batch, Span<double> gradients)
    {
        lock (Chunks)
            Calls.Add("bias");
    }
}
