using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Adds "GFLOP/s" and "% of peak" to a benchmark whose FLOPs per call are known: from a parameter
/// that is an <see cref="IFlopCount"/> (the batched forward sweep, the peak itself), or from the
/// class's <see cref="TrainingFlopsAttribute"/> times its <see cref="TrainingBatch"/> parameter.
/// The peak is one core's, measured in this run by <see cref="FmaPeak"/> in the host process.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(percentOfPeak: false), new ThroughputColumn(percentOfPeak: true));
        // Room for "W9 784-256-10, batch 256" and "1024-1024-10, batch 256" without "(...)".
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(30);
    }
}

/// <summary>A benchmark parameter that knows the FLOPs of one call of the benchmark it parameterizes.</summary>
public interface IFlopCount
{
    double FlopsPerCall { get; }

    /// <summary>Whether the arithmetic is in double precision, so that "% of peak" reads the fp64 peak.</summary>
    bool IsFloat64 => false;
}

/// <summary>
/// The FLOPs of one training step per sample of a dense network with these layer sizes (input
/// first): the products actually needed, 2·Σ in·out for the forward pass, the same for the weight
/// gradients, and 2·in·out for the input gradient of every layer but the first (nothing needs the
/// gradient of the network's input): 2·(3·Σ in·out − in₁·out₁).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TrainingFlopsAttribute(params int[] layerSizes) : Attribute
{
    public long FlopsPerSample { get; } = Flops.TrainingPerSample(layerSizes);
}

/// <summary>The FLOP counts the suite uses, in one place.</summary>
public static class Flops
{
    /// <summary>Σ in·out over consecutive sizes (input first): one sample's multiply-adds in a forward pass.</summary>
    public static long MultiplyAdds(ReadOnlySpan<int> sizes)
    {
        long total = 0;
        for (int k = 1; k < sizes.Length; k++)
            total += (long)sizes[k - 1] * sizes[k];
        return total;
    }

    /// <summary>Forward: 2·Σ in·out per sample.</summary>
    public static long ForwardPerSample(ReadOnlySpan<int> sizes) => 2 * MultiplyAdds(sizes);

    /// <summary>Training step: 2·(3·Σ in·out − in₁·out₁) per sample.</summary>
    public static long TrainingPerSample(ReadOnlySpan<int> sizes) => 2 * (3 * MultiplyAdds(sizes) - (long)sizes[0] * sizes[1]);
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
        ? $"GFLOP/s as a percentage of one core's peak; {FmaPeak.Measured}"
        : "FLOPs per call over the mean time: forward 2·b·Σ in·out; training step 2·b·(3·Σ in·out − in₁·out₁) (forward, weight gradients, input gradients of every layer but the first)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0 || !TryGetFlops(benchmarkCase, out double flops, out bool float64))
            return "-";
        double gflops = flops / meanNanoseconds.Value;
        return percentOfPeak ? $"{100 * gflops / FmaPeak.Measured.Gflops(float64):F1}" : $"{gflops:F2}";
    }

    private static bool TryGetFlops(BenchmarkCase benchmarkCase, out double flops, out bool float64)
    {
        var parameters = benchmarkCase.Parameters.Items.Select(p => p.Value).ToArray();
        if (parameters.OfType<IFlopCount>().FirstOrDefault() is { } count)
        {
            (flops, float64) = (count.FlopsPerCall, count.IsFloat64);
            return true;
        }
        var training = (TrainingFlopsAttribute?)Attribute.GetCustomAttribute(benchmarkCase.Descriptor.Type, typeof(TrainingFlopsAttribute));
        if (training is not null && parameters.OfType<TrainingBatch>().FirstOrDefault() is { Size: > 0 } batch)
        {
            (flops, float64) = ((double)training.FlopsPerSample * batch.Size, false);
            return true;
        }
        (flops, float64) = (0, false);
        return false;
    }
}
