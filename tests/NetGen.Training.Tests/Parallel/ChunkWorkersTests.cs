using System;
using System.Linq;
using System.Threading;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Training.Tests.Parallel;

/// <summary>
/// The worker threads behind parallel training run every chunk exactly once, whether each thread takes
/// the next chunk free or a fixed contiguous share; with fixed shares and one helper, the caller takes
/// the first share and the same helper thread the rest, call after call.
/// </summary>
public sealed class ChunkWorkersTests
{
    /// <summary>Records which thread ran each chunk, and how many times it ran.</summary>
    private sealed class RecordingWork(int count) : IChunkWork
    {
        public readonly int[] Runs = new int[count];
        public readonly int[] Threads = new int[count];

        public void RunChunk(int chunk)
        {
            Interlocked.Increment(ref Runs[chunk]);
            Threads[chunk] = Environment.CurrentManagedThreadId;
            Thread.SpinWait(2000); // long enough for a helper to join in
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_chunk_runs_exactly_once(bool fixedShares)
    {
        foreach (int threads in new[] { 1, 2, 3, 4 })
            foreach (int count in Enumerable.Range(0, 12))
            {
                var work = new RecordingWork(count);
                ChunkWorkers.Run(work, count, threads, fixedShares);
                Assert.True(work.Runs.All(runs => runs == 1),
                    $"{count} chunks on {threads} threads, fixed shares {fixedShares}: ran {string.Join(", ", work.Runs)} times");
            }
    }

    [Fact]
    public void Fixed_shares_on_two_threads_give_each_thread_the_same_contiguous_chunks_every_call()
    {
        const int count = 9;
        int caller = Environment.CurrentManagedThreadId;
        int? helper = null;
        for (int call = 0; call < 5; call++)
        {
            var work = new RecordingWork(count);
            ChunkWorkers.Run(work, count, 2, fixedShares: true);
            // Nine chunks in two shares: the caller 0 to 3, the helper 4 to 8.
            Assert.All(work.Threads[..4], thread => Assert.Equal(caller, thread));
            Assert.All(work.Threads[4..], thread => Assert.NotEqual(caller, thread));
            Assert.Single(work.Threads[4..].Distinct());
            helper ??= work.Threads[4];
            Assert.Equal(helper, work.Threads[4]);
        }
    }
}
