using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>W7: ComputeGradients (no update) of a 24-8-2 Tanh/Identity regressor, mean squared error, batch 200.</summary>
[MemoryDiagnoser]
public class RegressionGradientBenchmarks
{
    private const int Batch = 200;
    private RegressorNet _generated = null!;
    private LayerListNetwork _layers = null!;
    private float[] _inputs = null!, _targets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new RegressorNet(1);
        _layers = Workload.LayerListTwin(_generated, NetworkShape.Regressor, Workload.Sgd(0.01f), Batch);
        _inputs = Workload.Inputs(Batch * 24, 2);
        _targets = Workload.Inputs(Batch * 2, 3);
        Workload.CheckGradients("W7", _generated, _layers, _inputs, _targets);
    }

    [Benchmark(Baseline = true, Description = "W7 layer-list")]
    public float LayerList() => _layers.ComputeGradients(_inputs, _targets);

    [Benchmark(Description = "W7 NetGen")]
    public float Generated() => _generated.ComputeGradients(_inputs, _targets);
}
