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

    private PreparedCase _prepared = null!;

    public static IEnumerable<ForwardCase> Cases =>
        from shape in Shapes from batch in BatchSizes select new ForwardCase(shape, batch);

    [ParamsSource(nameof(Cases))]
    public ForwardCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup() => _prepared = Prepare(Case);

    [GlobalCleanup]
    public void Cleanup() => _prepared.Dispose();

    [Benchmark(Baseline = true, Description = "ONNX Runtime")]
    public void Onnx() => _prepared.Onnx.Run();

    [Benchmark(Description = "NetGen")]
    public void Generated() => _prepared.Network.Forward(_prepared.Input, _prepared.Output);

    [Benchmark(Description = "NetGen frozen")]
    public void Frozen() => _prepared.Frozen.Forward(_prepared.Input, _prepared.Output);

    /// <summary>
    /// A case's network, its frozen form and its ONNX Runtime twin over the same batch of inputs, checked to compute the
    /// same outputs: what this class, <c>--interleaved</c> and <c>--targets</c> time. The checks are also the first calls
    /// on the calling thread, which size that thread's scratch for the batch.
    /// </summary>
    internal static PreparedCase Prepare(ForwardCase forwardCase)
    {
        INetwork<float> network = Create(forwardCase.Shape);
        float[] input = Workload.Inputs(forwardCase.Batch * forwardCase.Shape.InputSize, 9);
        var output = new float[forwardCase.Batch * forwardCase.Shape.OutputSize];
        QuantizedNetwork frozen = network.Quantize(WeightFormat.Float32);
        OnnxRuntimePeer onnx = Workload.OnnxTwin(network, input, forwardCase.Batch);
        Workload.CheckForward(forwardCase.Workload, network, onnx);
        Workload.CheckForward(forwardCase.Workload, frozen, onnx);
        return new PreparedCase(network, frozen, onnx, input, output);
    }

    private static INetwork<float> Create(NetworkShape shape) => shape.Name switch
    {
        "64-64-10" => new Sweep64Net(1),
        "256-256-10" => new Sweep256Net(1),
        "784-256-10" => new MnistNet(1),
        "1024-1024-10" => new Sweep1024Net(1),
        _ => throw new ArgumentException($"No network is declared for {shape.Name}."),
    };
}

/// <summary>A case of the sweep set up by <see cref="BatchedInferenceBenchmarks.Prepare"/>; disposing it disposes the ONNX Runtime session.</summary>
internal sealed record PreparedCase(INetwork<float> Network, QuantizedNetwork Frozen, OnnxRuntimePeer Onnx, float[] Input, float[] Output) : IDisposable
{
    public void Dispose() => Onnx.Dispose();
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
