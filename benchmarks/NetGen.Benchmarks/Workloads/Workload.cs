using System;
using NetGen;
using NetGen.Benchmarks.Baselines;

namespace NetGen.Benchmarks.Workloads;

/// <summary>Random inputs and labels for one batch, and the loop-network twin of a generated network.</summary>
internal static class Workload
{
    public static float[] Inputs(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int k = 0; k < values.Length; k++)
            values[k] = (float)random.NextNormal();
        return values;
    }

    public static int[] Labels(int count, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        var labels = new int[count];
        for (int k = 0; k < labels.Length; k++)
            labels[k] = random.NextInt(classes);
        return labels;
    }

    public static LoopNetwork Loop(int inputSize, (int, Activation)[] layers, int maxBatch) =>
        new(inputSize, layers, learningRate: 0.01f, maxBatch, seed: 1);
}
