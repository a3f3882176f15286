using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Training.Tests.Parallel;

/// <summary>
/// The worker threads behind parallel training run every chunk exactly once, whether each thread takes
/// the next chunk free or a fixed contiguous share; with fixed shares and one helper, the caller takes
/// the first share and the same helper thread the rest, call after call; and a caller that has to wait
/// for a helper allocates nothing.
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

    /// <summary>
    /// A helper that blocked between jobs (past its watch of 200 us) is woken for the next, and one that was about to
    /// block when the job came still runs it once: jobs a few milliseconds apart, then jobs around the end of the watch,
    /// each with every chunk run once and the helper's share on the helper. Each job must end within ten seconds: a start
    /// lost between the watch and the wait would leave the caller waiting for ever. In a fresh copy of NetGen, so that a
    /// job left waiting holds no lock the other tests need.
    /// </summary>
    [Fact]
    public void A_helper_that_stopped_watching_is_woken_for_the_next_job_however_long_the_pause()
    {
        Assert.Null((string?)InFreshNetGen(nameof(JobsAfterPauses)));
    }

    /// <summary>Jobs after pauses of several lengths: null when each ran every chunk once within ten seconds, else what went wrong.</summary>
    private static string? JobsAfterPauses()
    {
        const int count = 4;
        double[] pausesMicroseconds = [5000, 3000, .. Enumerable.Range(0, 60).Select(k => 150.0 + 2 * k), 1000, 10];
        foreach (double pause in pausesMicroseconds)
        {
            long until = Stopwatch.GetTimestamp() + (long)(pause * Stopwatch.Frequency / 1_000_000);
            while (Stopwatch.GetTimestamp() < until)
                Thread.Yield();
            var work = new RecordingWork(count);
            var job = Task.Factory.StartNew(() => ChunkWorkers.Run(work, count, 2, fixedShares: true), TaskCreationOptions.LongRunning);
            if (!job.Wait(TimeSpan.FromSeconds(10)))
                return $"a job {pause} us after the last did not end";
            if (!work.Runs.All(runs => runs == 1))
                return $"after a pause of {pause} us the chunks ran {string.Join(", ", work.Runs)} times";
            if (work.Threads[2..].Contains(work.Threads[0]))
                return $"after a pause of {pause} us the caller ran the helper's share";
        }
        return null;
    }

    /// <summary>
    /// Two chunks under fixed shares on two threads, chunk 0 the caller's and chunk 1 the helper's: either
    /// the caller's chunk waits for the helper's to finish, so that the caller never waits after it, or
    /// the helper's chunk takes a while, so that the caller does.
    /// </summary>
    private sealed class HelperTimedWork : IChunkWork
    {
        public bool HelperLast;
        private volatile bool _helperDone;

        public void RunChunk(int chunk)
        {
            if (chunk == 1)
            {
                if (HelperLast)
                    Thread.Sleep(30);
                _helperDone = true;
            }
            else if (!HelperLast)
                while (!_helperDone)
                    Thread.Yield();
        }

        public void Reset() => _helperDone = false;
    }

    [Fact]
    public void A_caller_that_waits_for_its_helper_allocates_nothing_even_the_first_time()
    {
        // Lazily created wait objects allocate on the first wait of the process, which the other tests
        // in this process may already have made. A fresh copy of NetGen, with this assembly, in a load
        // context of their own has fresh static state: there no caller has ever waited.
        Assert.Equal(0L, (long)InFreshNetGen(nameof(AllocatedByTheFirstWait))!);
    }

    /// <summary>
    /// What this class's static method <paramref name="method"/> returns when run by a fresh copy of this assembly with a
    /// fresh copy of NetGen, in a load context of their own: ChunkWorkers' static state (its threads, its lock) that of
    /// this call alone.
    /// </summary>
    private static object? InFreshNetGen(string method)
    {
        var context = new AssemblyLoadContext($"a fresh NetGen for {method}");
        context.LoadFromAssemblyPath(typeof(ChunkWorkers).Assembly.Location);
        var tests = context.LoadFromAssemblyPath(typeof(ChunkWorkersTests).Assembly.Location);
        return tests.GetType(typeof(ChunkWorkersTests).FullName!)!
            .GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null);
    }

    private static long AllocatedByTheFirstWait()
    {
        long allocated = -1;
        // On a thread of its own, so that nothing this thread did before counts.
        var caller = new Thread(() =>
        {
            var work = new HelperTimedWork { HelperLast = false };
            ChunkWorkers.Run(work, 2, 2, fixedShares: true);   // the helper finishes first
            work.HelperLast = true;
            work.Reset();
            long before = GC.GetAllocatedBytesForCurrentThread();
            ChunkWorkers.Run(work, 2, 2, fixedShares: true);   // the caller waits for the helper
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        caller.Start();
        caller.Join();
        return allocated;
    }
}
