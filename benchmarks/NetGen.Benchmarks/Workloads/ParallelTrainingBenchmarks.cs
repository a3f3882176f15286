using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W8: W5 (784-256-10, Adam, batch 128) with <c>DegreeOfParallelism = 2</c> against the same network on
/// one thread, in the same run; the Ratio column is the two-thread time over the one-thread time
/// (the target, 1.7x the one-core speed, is a ratio of at most 0.59). The machine has two cores, so
/// anything else running on it shows up here first.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[TrainingFlops(784, 256, 10)]
public class ParallelTrainingBenchmarks
{
    private const int BatchSize = 128;
    private MnistAdamNet _oneThread = null!, _twoThreads = null!;
    private float[] _inputs = null!;
    private int[] _labels = null!;

    public static IEnumerable<TrainingBatch> Batches => [new("W8", BatchSize)];

    [ParamsSource(nameof(Batches))]
    public TrainingBatch Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _oneThread = new MnistAdamNet(1) { DegreeOfParallelism = 1 };
        _twoThreads = new MnistAdamNet(1) { DegreeOfParallelism = 2 };
        (_inputs, _labels) = Workload.ClassifierBatch(NetworkShape.Mnist, BatchSize);
        Workload.CheckBitIdentical("W8", _oneThread, _twoThreads, _inputs, _labels);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        (_twoThreads as IDisposable)?.Dispose();
        (_oneThread as IDisposable)?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "NetGen, 1 thread")]
    public float OneThread() => _oneThread.TrainStep(_inputs, _labels);

    [Benchmark(Description = "NetGen, 2 threads")]
    public float TwoThreads() => _twoThreads.TrainStep(_inputs, _labels);
}
