using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// One core's FMA peak as benchmarks: the loops <see cref="FmaPeak"/> runs in the host to set the
/// "% of peak" column's denominator, timed here by BenchmarkDotNet in its own process. Its
/// "% of peak" should read about 100; far below, and the host's measurement was disturbed (or this one).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class PeakBenchmarks
{
    private const long Iterations = 100_000;

    public static IEnumerable<PeakCase> Cases => [new(Float64: false, Iterations), new(Float64: true, Iterations)];

    [ParamsSource(nameof(Cases))]
    public PeakCase Case { get; set; }

    [Benchmark(Description = "FMA peak, 12 chains")]
    public double Chains() => FmaPeak.Run(Case.Float64, Iterations);
}

/// <summary>fp32 or fp64 chains at the widest accelerated width, for <see cref="PeakBenchmarks"/>.</summary>
public readonly record struct PeakCase(bool Float64, long Iterations) : IFlopCount
{
    public double FlopsPerCall => FmaPeak.Flops(Float64, Iterations);

    public bool IsFloat64 => Float64;

    public override string ToString() => $"{(Float64 ? "fp64" : "fp32")} {FmaPeak.Width}";
}
