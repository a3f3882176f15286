using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// The two products of a 784-256-10 network's first layer that W5 (batch 128) and W6 (batch 32) spend most of their
/// time in, each alone: the forward product X·W (plus the bias) and the weight gradient Xᵀ·dZ (plus the bias
/// gradient). With <see cref="OptimizerBenchmarks"/>' Adam over the same network's parameters they make a floor for
/// a training step that runs them one after the other: W5 and W6 take at least their sum.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class ProductBenchmarks
{
    /// <summary>The first layer of <see cref="NetworkShape.Mnist"/>, the network of W5 and W6.</summary>
    internal static readonly int Inputs = NetworkShape.Mnist.InputSize, Outputs = NetworkShape.Mnist.Layers[0].Size;

    private float[] _x = null!, _w = null!, _bias = null!, _z = null!, _dz = null!, _dw = null!, _dBias = null!;

    public static IEnumerable<ProductCase> Cases => [new(true, 32), new(false, 32), new(true, 128), new(false, 128)];

    [ParamsSource(nameof(Cases))]
    public ProductCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        int batch = Case.Batch;
        _x = Workload.Inputs(batch * Inputs, 21);
        _w = Workload.Inputs(Inputs * Outputs, 22);
        _bias = Workload.Inputs(Outputs, 23);
        _z = new float[batch * Outputs];
        _dz = Workload.Inputs(batch * Outputs, 24);
        _dw = new float[Inputs * Outputs];
        _dBias = new float[Outputs];
    }

    [Benchmark(Description = "784 -> 256 layer's product")]
    public void Product()
    {
        if (Case.IsForward)
            Dense.Forward<float>(_x, _w, _bias, _z, Case.Batch, Inputs, Outputs);
        else
            Dense.BackwardWeights<float>(_x, _dz, _dw, _dBias, Case.Batch, Inputs, Outputs);
    }
}

/// <summary>One product of <see cref="ProductBenchmarks"/>, the forward product or the weight gradient, with its FLOPs: 2·b·in·out either way.</summary>
public sealed record ProductCase(bool IsForward, int Batch) : IFlopCount
{
    public double FlopsPerCall => 2.0 * Batch * ProductBenchmarks.Inputs * ProductBenchmarks.Outputs;

    public override string ToString() => $"{(IsForward ? "forward" : "weight gradient")}, batch {Batch}";
}
