using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Adds "GFLOP/s" and "% of peak" to a training benchmark whose class declares its FLOPs per
/// sample with <see cref="TrainingFlopsAttribute"/> and whose batch is a <see cref="TrainingBatch"/> parameter.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>One core of the reference machine in fp32: two 256-bit FMA pipes at about 3.65 GHz.</summary>
    public const double PeakGflops = 117;

    public ThroughputConfig() => AddColumn(new ThroughputColumn(percentOfPeak: false), new ThroughputColumn(percentOfPeak: true));
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class TrainingFlopsAttribute(long flopsPerSample) : Attribute
{
    public long FlopsPerSample { get; } = flopsPerSample;
}

internal sealed class ThroughputColumn(bool percentOfPeak) : IColumn
{
    public string Id => nameof(ThroughputColumn) + (percentOfPeak ? "Peak" : "");
    public string ColumnName => percentOfPeak ? "% of peak" : "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => percentOfPeak ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => percentOfPeak
        ? $"GFLOP/s as a percentage of one core's fp32 peak ({ThroughputConfig.PeakGflops} GFLOP/s)"
        : "FLOPs per call (6·batch·Σ in·out for a training step) over the mean time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var flops = (TrainingFlopsAttribute?)Attribute.GetCustomAttribute(benchmarkCase.Descriptor.Type, typeof(TrainingFlopsAttribute));
        object? batch = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Value is TrainingBatch)?.Value;
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (flops is null || batch is not TrainingBatch training || meanNanoseconds is not > 0)
            return "-";
        double gflops = flops.FlopsPerSample * (double)training.Size / meanNanoseconds.Value;
        return percentOfPeak ? $"{100 * gflops / ThroughputConfig.PeakGflops:F1}" : $"{gflops:F2}";
    }
}
