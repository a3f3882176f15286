using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>One training step (forward, backward, SGD update): the generated network against a plain loop network.</summary>
[MemoryDiagnoser]
public class SpiralTrainingBenchmarks
{
    private const int Batch = 30;
    private readonly SpiralNet _generated = new(1);
    private readonly LoopNetwork _loop = Workload.Loop(2, [(10, Activation.Sigmoid), (3, Activation.Softmax)], Batch);
    private readonly float[] _inputs = Workload.Inputs(Batch * 2, 2);
    private readonly int[] _labels = Workload.Labels(Batch, 3, 3);

    [Benchmark(Baseline = true, Description = "W1 loop network, 2-10-3, batch 30")]
    public float Loop() => _loop.TrainStep(_inputs, _labels, Batch);

    [Benchmark(Description = "W1 NetGen, 2-10-3, batch 30")]
    public float Generated() => _generated.TrainStep(_inputs, _labels);
}

/// <summary>One training step of the MNIST-shaped network at batch 32.</summary>
[MemoryDiagnoser]
public class MnistTrainingBenchmarks
{
    private const int Batch = 32;
    private readonly MnistNet _generated = new(1);
    private readonly LoopNetwork _loop = Workload.Loop(784, [(256, Activation.ReLU), (10, Activation.Softmax)], Batch);
    private readonly float[] _inputs = Workload.Inputs(Batch * 784, 2);
    private readonly int[] _labels = Workload.Labels(Batch, 10, 3);

    [Benchmark(Baseline = true, Description = "W6 loop network, 784-256-10, batch 32")]
    public float Loop() => _loop.TrainStep(_inputs, _labels, Batch);

    [Benchmark(Description = "W6 NetGen, 784-256-10, batch 32")]
    public float Generated() => _generated.TrainStep(_inputs, _labels);
}
