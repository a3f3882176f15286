using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Reliability;

/// <summary>
/// Batches whose scratch would not fit in an array: training refuses them with the largest batch it
/// takes, and Forward runs them in pieces. Before, the scratch size wrapped in 32 bits and the kernels
/// wrote past the arrays, ending the process.
/// </summary>
public sealed class BatchLimitTests
{
    // The widest row a sample takes in WideHiddenNet's training scratch: the first layer's products, which
    // a layer this large keeps as two halves over the whole batch (README, "split by its weight rows").
    private const int HiddenWidth = 65536;
    private static readonly int LargestTrainingBatch = Array.MaxLength / (2 * HiddenWidth);

    [Fact]
    public void ATrainingBatchBeyondTheScratchLimitNamesTheLargestBatch()
    {
        var net = new WideHiddenNet(seed: 1);
        float[] before = net.Parameters.ToArray();
        int batch = LargestTrainingBatch + 1;
        var exception = Assert.Throws<ArgumentException>(() => net.TrainStep(new float[batch], new float[batch]));
        Assert.Contains($"at most {LargestTrainingBatch} samples", exception.Message);
        Assert.Contains($"holds {batch} samples", exception.Message);
        Assert.Equal(before, net.Parameters.ToArray());
        Assert.Throws<ArgumentException>(() => net.ComputeGradients(new float[batch], new float[batch]));
    }

    [Fact]
    public void TheTrainerRefusesSuchABatchBeforeAnyStep()
    {
        var net = new WideHiddenNet(seed: 1);
        float[] before = net.Parameters.ToArray();
        int batch = LargestTrainingBatch + 1;
        var data = new Dataset<float>(new float[batch], 1, new float[batch], 1);
        var exception = Assert.Throws<ArgumentException>(() => Trainer.Fit(net, data, new TrainingOptions { Epochs = 1, BatchSize = batch }));
        Assert.Contains($"at most {LargestTrainingBatch} samples", exception.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void AForwardBatchWhoseScratchWouldWrapMatchesAPlainReference()
    {
        var net = new WideHiddenNet(seed: 2);
        // 65537 samples of a 65536-wide layer: 2^32 + 65536 values of scratch, which wrapped to 65536.
        const int Batch = HiddenWidth + 1;
        var inputs = new float[Batch];
        for (int i = 0; i < Batch; i++)
            inputs[i] = (i % 97 - 48) / 16f;
        var outputs = new float[Batch];
        net.Forward(inputs, outputs);

        // Canonical order: w1 [65536, 1], b1 [65536], w2 [1, 65536], b2 [1].
        float[] p = new float[WideHiddenNet.ParameterCount];
        net.ExportParameters(p);
        for (int i = 0; i < Batch; i += 4093)
            Assert.Equal(Reference(p, inputs[i]), outputs[i], 1e-3 * Math.Max(1, Math.Abs(Reference(p, inputs[i]))));
        Assert.Equal(Reference(p, inputs[^1]), outputs[^1], 1e-3 * Math.Max(1, Math.Abs(Reference(p, inputs[^1]))));
    }

    /// <summary>w2 · relu(w1 x + b1) + b2 in double.</summary>
    private static double Reference(float[] p, float x)
    {
        double sum = p[3 * HiddenWidth];
        for (int j = 0; j < HiddenWidth; j++)
            sum += p[2 * HiddenWidth + j] * Math.Max(0.0, (double)p[j] * x + p[HiddenWidth + j]);
        return sum;
    }
}
