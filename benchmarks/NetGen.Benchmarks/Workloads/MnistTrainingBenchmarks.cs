using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W5 and W6: one training step (forward, softmax cross-entropy, backward, Adam at lr 1e-3) of the
/// 784-256-10 ReLU network at batch 128 and 32, with the throughput each reaches. PyTorch runs in
/// benchmarks/peers. One core: W8 (<see cref="ParallelTrainingBenchmarks"/>) runs W5 on two.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[TrainingFlops(784, 256, 10)]
public class MnistTrainingBenchmarks
{
    private MnistAdamNet _generated = null!;
    private LayerListNetwork _layers = null!;
    private float[] _inputs = null!;
    private int[] _labels = null!;

    public static IEnumerable<TrainingBatch> Batches => [new("W5", 128), new("W6", 32)];

    [ParamsSource(nameof(Batches))]
    public TrainingBatch Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generated = new MnistAdamNet(1) { DegreeOfParallelism = 1 };
        _layers = Workload.LayerListTwin(_generated, NetworkShape.Mnist, Workload.Adam(1e-3f), Batch.Size);
        (_inputs, _labels) = Workload.ClassifierBatch(NetworkShape.Mnist, Batch.Size);
        Workload.CheckGradients(Batch.Workload, _generated, _layers, _inputs, _labels);
    }

    [Benchmark(Baseline = true, Description = "layer-list")]
    public float LayerList() => _layers.TrainStep(_inputs, _labels);

    [Benchmark(Description = "NetGen")]
    public float Generated() => _generated.TrainStep(_inputs, _labels);
}
