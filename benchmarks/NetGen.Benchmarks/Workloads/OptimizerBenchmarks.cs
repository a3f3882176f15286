using System;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Adam's update of a 784-256-10 network's 203,530 float parameters, the element-wise pass of W5 and W6: one
/// square root and one division a parameter, which bound it. "dead units" gives a quarter of the parameters a zero
/// gradient and a first moment that starts subnormal, as the ReLU units no sample activates leave a trained
/// network's (docs/threads-and-values.md): stored as zero after the first call, they cost no more than the rest.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class OptimizerBenchmarks
{
    private const int Count = 203_530;
    private float[] _parameters = null!, _gradients = null!, _firstMoment = null!, _secondMoment = null!;
    private long _step;

    [Params("normal values", "dead units")]
    public string State { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _parameters = Workload.Inputs(Count, 11);
        _gradients = Workload.Inputs(Count, 12);
        _firstMoment = new float[Count];
        _secondMoment = Array.ConvertAll(Workload.Inputs(Count, 13), value => value * value * 1e-4f);
        if (State == "dead units")
        {
            for (int k = 0; k < Count; k += 4)
            {
                _gradients[k] = 0;
                _firstMoment[k] = 1e-44f;
            }
        }
        _step = 1000;
    }

    [Benchmark(Description = "Adam, 203,530 float parameters")]
    public void Adam() => Optimizers.Adam<float>(_parameters, _gradients, _firstMoment, _secondMoment, default,
        1e-3f, 0.9f, 0.999f, 1e-8f, 0f, false, false, ++_step);
}
