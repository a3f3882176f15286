using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Baselines.Onnx;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W9 and the sweep: Forward on a batch (ReLU hidden layer, softmax output), NetGen against ONNX
/// Runtime on one thread with the same weights (the model is NetGen's own export of the network) and
/// the same inputs. W9 is 784-256-10 at batch 256; the sweep is every shape × batch 16, 64, 256. Each
/// case is its own parameter row, so the Ratio column is NetGen's time over ONNX Runtime's in that
/// case (below 1 means NetGen is faster); GFLOP/s counts 2·b·Σ in·out. "NetGen frozen" is the same network as a
/// <see cref="QuantizedNetwork"/> of <see cref="WeightFormat.Float32"/>: its weights packed once, as ONNX Runtime
/// packs a model's constant weights when its session is made.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class BatchedInferenceBenchmarks
{
    private static readonly NetworkShape[] Shapes = [NetworkShape.Sweep64, NetworkShape.Sweep256, NetworkShape.Mnist, NetworkShape.Sweep1024];
    private static readonly int[] BatchSizes = [16, 64, 256];

    private INetwork<float> _network = null!;
    private QuantizedNetwork _frozen = null!;
    private OnnxRuntimePeer _onnx = null!;
    private float[] _input = null!, _output = null!;

    public static IEnumerable<ForwardCase> Cases =>
        from shape in Shapes from batch in BatchSizes select new ForwardCase(shape, batch);

    [ParamsSource(nameof(Cases))]
    public ForwardCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _network = Create(Case.Shape);
        _input = Workload.Inputs(Case.Batch * Case.Shape.InputSize, 9);
        _output = new float[Case.Batch * Case.Shape.OutputSize];
        _frozen = _network.Quantize(WeightFormat.Float32);
        _onnx = Workload.OnnxTwin(_network, _input, Case.Batch);
        // Also the first calls on this thread, which size the thread's scratch for this batch.
        Workload.CheckForward(Case.Workload, _network, _onnx);
        Workload.CheckForward(Case.Workload, _frozen, _onnx);
    }

    [GlobalCleanup]
    public void Cleanup() => _onnx.Dispose();

    [Benchmark(Baseline = true, Description = "ONNX Runtime")]
    public void Onnx() => _onnx.Run();

    [Benchmark(Description = "NetGen")]
    public void Generated() => _network.Forward(_input, _output);

    [Benchmark(Description = "NetGen frozen")]
    public void Frozen() => _frozen.Forward(_input, _output);

    internal static INetwork<float> Create(NetworkShape shape) => shape.Name switch
    {
        "64-64-10" => new Sweep64Net(1),
        "256-256-10" => new Sweep256Net(1),
        "784-256-10" => new MnistNet(1),
        "1024-1024-10" => new Sweep1024Net(1),
        _ => throw new ArgumentException($"No network is declared for {shape.Name}."),
    };
}

/// <summary>A shape and a batch size of the sweep, with the forward FLOPs of one call (2·b·Σ in·out).</summary>
public sealed record ForwardCase(NetworkShape Shape, int Batch) : IFlopCount, IComparable<ForwardCase>, IComparable
{
    /// <summary>"W9" for 784-256-10 at batch 256, else the shape and batch.</summary>
    public string Workload => Shape == NetworkShape.Mnist && Batch == 256 ? "W9" : $"{Shape.Name} x{Batch}";

    public double FlopsPerCall => (double)Batch * Shape.ForwardFlopsPerSample;

    /// <summary>Rows in the sweep's order, smallest network first, then by batch (not by their names).</summary>
    public int CompareTo(ForwardCase? other) =>
        other is null ? 1 : (Shape.MultiplyAddsPerSample, Batch).CompareTo((other.Shape.MultiplyAddsPerSample, other.Batch));

    public int CompareTo(object? other) => CompareTo(other as ForwardCase);

    public override string ToString() => $"{(Shape == NetworkShape.Mnist && Batch == 256 ? "W9 " : "")}{Shape.Name}, batch {Batch}";
}
