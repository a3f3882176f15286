using System;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NetGen.Benchmarks.Workloads;

// The suite:       dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*'
// One workload:    ... -- --filter '*.InferenceBenchmarks.*' (or '*SpiralTraining*', '*MnistTraining*', '*ParallelTraining*', '*RegressionGradient*')
// CI smoke test:   ... -- --filter '*' --job dry
// Baseline check:  ... -- --verify
// The FMA peak:    ... -- --peak
// W9, the sweep:   ... -- --filter '*BatchedInferenceBenchmarks*' (issue 16's whole table: benchmarks/README.md)
// The same, NetGen and ONNX Runtime timed in turns in one process: ... -- --interleaved
//                  (only the cases whose names contain a word given: ... -- --interleaved W9 "1024-1024-10, batch 16")
// Issue 16's whole table, every workload and its peer (PyTorch too) timed in turns in one process: ... -- --targets
//                  (with every turn's time too: ... -- --targets --turns; with another number of rounds: ... -- --targets --rounds 1)
// Results land in BenchmarkDotNet.Artifacts/ (see benchmarks/README.md).
if (args is ["--verify"])
    return Verification.Run();
if (args is ["--interleaved", .. var cases])
    return InterleavedForward.Run(cases);
if (args is ["--targets", .. var targetOptions])
{
    int roundsAt = Array.IndexOf(targetOptions, "--rounds");
    int rounds = InterleavedTargets.DefaultRounds;
    if (roundsAt >= 0 && !(roundsAt + 1 < targetOptions.Length && int.TryParse(targetOptions[roundsAt + 1], out rounds) && rounds > 0))
    {
        Console.Error.WriteLine("--rounds takes a positive number of rounds.");
        return 2;
    }
    return InterleavedTargets.Run(rounds, showTurns: targetOptions.Contains("--turns"));
}
if (args is ["--peak"])
{
    Console.WriteLine(FmaPeak.Measured);
    return 0;
}
// The "% of peak" column's denominator: measured here, in the host, before any benchmark process
// starts (about half a second), and printed again under the summaries.
Console.WriteLine("// " + FmaPeak.Measured);
Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
Console.WriteLine("// " + FmaPeak.Measured);
// BenchmarkDotNet exits 0 even when a benchmark failed (a setup check threw, a build broke); a smoke
// test in CI needs to see that, so any failed benchmark makes the exit code 1.
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
