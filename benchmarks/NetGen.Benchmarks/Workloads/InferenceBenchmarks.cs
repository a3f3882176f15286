using System;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>Forward on one sample: the generated networks against plain loop networks of the same shapes.</summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private readonly SpiralNet _spiral = new(1);
    private readonly ControlNet _control = new(1);
    private readonly MnistNet _mnist = new(1);
    private readonly LoopNetwork _spiralLoop = Workload.Loop(2, [(10, Activation.Sigmoid), (3, Activation.Softmax)], 1);
    private readonly LoopNetwork _controlLoop = Workload.Loop(16, [(32, Activation.Tanh), (32, Activation.Tanh), (1, Activation.Identity)], 1);
    private readonly LoopNetwork _mnistLoop = Workload.Loop(784, [(256, Activation.ReLU), (10, Activation.Softmax)], 1);
    private readonly float[] _spiralInput = Workload.Inputs(2, 4);
    private readonly float[] _controlInput = Workload.Inputs(16, 5);
    private readonly float[] _mnistInput = Workload.Inputs(784, 6);
    private readonly float[] _output = new float[10];

    [Benchmark(Description = "W2 loop network, 2-10-3")]
    public void SpiralLoop() => _spiralLoop.Forward(_spiralInput, _output.AsSpan(0, 3), 1);

    [Benchmark(Description = "W2 NetGen, 2-10-3")]
    public void Spiral() => _spiral.Forward(_spiralInput, _output.AsSpan(0, 3));

    [Benchmark(Description = "W3 loop network, 16-32-32-1")]
    public void ControlLoop() => _controlLoop.Forward(_controlInput, _output.AsSpan(0, 1), 1);

    [Benchmark(Description = "W3 NetGen, 16-32-32-1")]
    public void Control() => _control.Forward(_controlInput, _output.AsSpan(0, 1));

    [Benchmark(Description = "W4 loop network, 784-256-10")]
    public void MnistLoop() => _mnistLoop.Forward(_mnistInput, _output, 1);

    [Benchmark(Description = "W4 NetGen, 784-256-10")]
    public void Mnist() => _mnist.Forward(_mnistInput, _output);
}
