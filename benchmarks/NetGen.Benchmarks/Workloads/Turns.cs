using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Timing in turns, for the modes that run contenders one after another in one process
/// (<see cref="InterleavedForward"/>, <see cref="InterleavedTargets"/>): a turn is 100 ms of calls, and a
/// contender's time is the median over its turns.
/// </summary>
internal static class Turns
{
    public static readonly TimeSpan Length = TimeSpan.FromMilliseconds(100);

    /// <summary>The mean time of a call over one turn, after ten calls to warm the caches.</summary>
    public static double MicrosecondsPerCall(Action call)
    {
        for (int k = 0; k < 10; k++)
            call();
        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed < Length)
        {
            for (int k = 0; k < 10; k++)
                call();
            calls += 10;
        }
        return clock.Elapsed.TotalMicroseconds / calls;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
