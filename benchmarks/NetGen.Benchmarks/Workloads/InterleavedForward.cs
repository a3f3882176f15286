using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Benchmarks.Baselines.Onnx;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W9 and the sweep of <see cref="BatchedInferenceBenchmarks"/> with NetGen, NetGen frozen (<see cref="WeightFormat.Float32"/>)
/// and ONNX Runtime timed in turns in one process (<c>-- --interleaved</c>): 100 ms of each in turn, 40 times a case,
/// and the median of each. On a machine whose speed drifts over seconds (a shared VM), a drift then falls on both
/// alike, where BenchmarkDotNet times each in its own process minutes apart. On the machine of
/// benchmarks/README.md a case's ratio moved by up to 3% between two BenchmarkDotNet runs, and by up to 1.1%
/// between two runs of this (under two minutes each).
/// </summary>
internal static class InterleavedForward
{
    private const int Rounds = 40;

    /// <param name="only">Case names, or parts of them (<c>W9</c>, <c>1024-1024-10, batch 16</c>): only the cases that contain one run; all, when empty.</param>
    public static int Run(IReadOnlyList<string> only)
    {
        PeakMeasurement peak = FmaPeak.Measured;
        Console.WriteLine($"// {peak}");
        Console.WriteLine("| case | NetGen median (min) | % of peak | NetGen frozen median (min) | % of peak | ONNX Runtime median (min) | % of peak | ONNX Runtime / NetGen | ONNX Runtime / NetGen frozen |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ForwardCase forwardCase in BatchedInferenceBenchmarks.Cases)
        {
            if (only.Count > 0 && !only.Any(name => forwardCase.ToString().Contains(name, StringComparison.OrdinalIgnoreCase)))
                continue;
            using PreparedCase prepared = BatchedInferenceBenchmarks.Prepare(forwardCase);
            (INetwork<float> network, QuantizedNetwork frozen, OnnxRuntimePeer onnx, float[] input, float[] output) = prepared;
            var netGen = new List<double>();
            var netGenFrozen = new List<double>();
            var peer = new List<double>();
            for (int round = 0; round < Rounds; round++)
            {
                netGen.Add(Turns.MicrosecondsPerCall(() => network.Forward(input, output)));
                netGenFrozen.Add(Turns.MicrosecondsPerCall(() => frozen.Forward(input, output)));
                peer.Add(Turns.MicrosecondsPerCall(onnx.Run));
            }
            double ours = Turns.Median(netGen), oursFrozen = Turns.Median(netGenFrozen), theirs = Turns.Median(peer);
            string Percent(double microseconds) => $"{forwardCase.FlopsPerCall / microseconds / 1e3 / peak.Float32Gflops * 100:F1}%";
            Console.WriteLine($"| {forwardCase} | {ours:F2} ({netGen.Min():F2}) us | {Percent(ours)} | {oursFrozen:F2} ({netGenFrozen.Min():F2}) us | {Percent(oursFrozen)} "
                + $"| {theirs:F2} ({peer.Min():F2}) us | {Percent(theirs)} | {theirs / ours:F3}x | {theirs / oursFrozen:F3}x |");
        }
        return 0;
    }
}
