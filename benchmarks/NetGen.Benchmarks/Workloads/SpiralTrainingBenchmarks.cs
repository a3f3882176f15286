using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W1: one training step (forward, softmax cross-entropy, backward, SGD at lr 1.0) of the material's
/// 2-10-3 spiral network on a batch of 30. PyTorch and numpy run in benchmarks/peers.
/// </summary>
[MemoryDiagnoser]
public class SpiralTrainingBenchmarks
{
    internal const int Batch = 30;
    private SpiralNet _generated = null!;
    private LayerListNetwork _layers = null!;
    private float[] _inputs = null!;
    private int[] _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new SpiralNet(1);
        _layers = Workload.LayerListTwin(_generated, NetworkShape.Spiral, Workload.Sgd(1f), Batch);
        (_inputs, _labels) = Workload.ClassifierBatch(NetworkShape.Spiral, Batch);
        Workload.CheckGradients("W1", _generated, _layers, _inputs, _labels);
    }

    [Benchmark(Baseline = true, Description = "W1 layer-list")]
    public float LayerList() => _layers.TrainStep(_inputs, _labels);

    [Benchmark(Description = "W1 NetGen")]
    public float Generated() => _generated.TrainStep(_inputs, _labels);
}
