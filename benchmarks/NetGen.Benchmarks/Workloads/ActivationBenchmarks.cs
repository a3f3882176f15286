using System;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Throughput of the element-wise activations over a span of 4,096 values, in float and double: the
/// widest vector loop FastMath runs, which a training batch or a wide layer spends its activation time in.
/// Out of place, so that every call sees the same arguments (normal samples, as pre-activations are).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ActivationBenchmarks
{
    private const int Length = 4096;
    private float[] _singles = null!, _singleOutputs = null!;
    private double[] _doubles = null!, _doubleOutputs = null!;

    [Params(Activation.Sigmoid, Activation.Tanh, Activation.GELU, Activation.Mish, Activation.Softplus, Activation.ELU, Activation.SiLU)]
    public Activation Function { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _singles = Workload.Inputs(Length, 5);
        _singleOutputs = new float[Length];
        _doubles = Array.ConvertAll(_singles, value => (double)value);
        _doubleOutputs = new double[Length];
    }

    [Benchmark(Description = "float")]
    public void Single() => Activations.Forward<float>(_singles, _singleOutputs, Function);

    [Benchmark(Description = "double")]
    public void Double() => Activations.Forward<double>(_doubles, _doubleOutputs, Function);
}
