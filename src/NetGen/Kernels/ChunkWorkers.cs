using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Kernels;

/// <summary>
/// Runs the chunks of an <see cref="IChunkWork"/> on the calling thread and on long-lived background
/// threads, without allocating per call (unlike Parallel.For, whose delegates and state allocate).
/// Which thread takes which chunk varies, unless the caller asks for fixed shares; results stay
/// deterministic either way, because each chunk writes its own buffers and the caller combines them in
/// a fixed order. One job runs at a time in the process.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ChunkWorkers
{
    private static readonly object Gate = new();
    // One start signal per helper thread, so that helper k always takes share k (see Run).
    private static SemaphoreSlim[] s_starts = [];
    // Helpers still running chunks of the current job.
    private static int s_running;
    private static int s_threads;
    private static IChunkWork? s_work;
    private static int s_next;
    private static int s_count;
    private static int s_first;
    private static bool s_fixedShares;
    private static int s_participants;
    private static ExceptionDispatchInfo? s_failure;

    /// <summary>Runs chunks 0 to <paramref name="count"/> − 1 on up to <paramref name="degreeOfParallelism"/> threads, the caller's included; returns when all are done.</summary>
    /// <param name="work">The chunks.</param>
    /// <param name="count">How many chunks.</param>
    /// <param name="degreeOfParallelism">At most this many threads, the caller's included.</param>
    /// <param name="fixedShares">
    /// True to split the chunks into contiguous shares, one a thread, instead of handing each thread the
    /// next chunk free: of n threads the caller takes the first share and helper k the share after it,
    /// the same helper thread every time, so that data a chunk keeps from one call to the next
    /// (weights, optimizer moments) stays in the cache of the core that uses it.
    /// </param>
    public static void Run(IChunkWork work, int count, int degreeOfParallelism, bool fixedShares = false)
    {
        if (Begin(work, count, degreeOfParallelism, reserveFirst: false, fixedShares))
            End();
    }

    /// <summary>
    /// Starts chunks on helper threads and returns at once, so that the caller can do work of its own
    /// before joining in with <see cref="End"/>. With <paramref name="reserveFirst"/>, the helpers start
    /// at chunk 1 and chunk 0 is left to the caller, which runs it itself (it may hold data, such as a
    /// span, that other threads cannot see). Returns false when there are no helpers to start: then
    /// every chunk, the first excepted when reserved, has already run on the calling thread, and
    /// <see cref="End"/> must not be called.
    /// </summary>
    /// <param name="work">The chunks.</param>
    /// <param name="count">How many chunks.</param>
    /// <param name="degreeOfParallelism">At most this many threads, the caller's included.</param>
    /// <param name="reserveFirst">True to leave chunk 0 to the caller.</param>
    /// <param name="fixedShares">As for <see cref="Run"/>.</param>
    public static bool Begin(IChunkWork work, int count, int degreeOfParallelism, bool reserveFirst, bool fixedShares = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        int first = reserveFirst ? 1 : 0;
        int helpers = Math.Min(degreeOfParallelism - 1, count - first);
        if (helpers <= 0)
        {
            for (int chunk = first; chunk < count; chunk++)
                work.RunChunk(chunk);
            return false;
        }
        Monitor.Enter(Gate);
        EnsureThreads(helpers);
        s_work = work;
        s_next = first;
        s_count = count;
        s_first = first;
        s_fixedShares = fixedShares;
        s_participants = helpers + 1;
        s_failure = null;
        s_running = helpers;
        for (int helper = 1; helper <= helpers; helper++)
            s_starts[helper - 1].Release();
        return true;
    }

    /// <summary>Joins the helpers started by <see cref="Begin"/> on the chunks left, and waits until all are done.</summary>
    public static void End()
    {
        try
        {
            RunChunks(0);
            WaitForHelpers();
            s_work = null;
            s_failure?.Throw();
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void EnsureThreads(int helpers)
    {
        if (s_starts.Length < helpers)
            Array.Resize(ref s_starts, helpers);
        for (; s_threads < helpers; s_threads++)
        {
            int share = s_threads + 1;
            var start = s_starts[share - 1] = new SemaphoreSlim(0);
            var thread = new Thread(() => WorkerLoop(start, share)) { IsBackground = true, Name = $"NetGen worker {share}" };
            thread.Start();
        }
    }

    /// <summary>How long a helper watches for its next start before it blocks.</summary>
    private const int WatchMicroseconds = 200;

    private static void WorkerLoop(SemaphoreSlim start, int share)
    {
        while (true)
        {
            // A training step starts its helpers three times (its first layer's products, its chunks, its blocks of
            // parameters), a few microseconds apart: a helper that watches for the next start before it blocks
            // begins that much sooner than one woken from its wait (2.4 against 5.6 us a start on a KVM guest).
            long until = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1_000_000 * WatchMicroseconds;
            while (start.CurrentCount == 0 && Stopwatch.GetTimestamp() < until)
                Thread.SpinWait(20);
            start.Wait();
            RunChunks(share);
            // A full fence: the chunks' writes are visible to the caller once it sees the count fall.
            Interlocked.Decrement(ref s_running);
        }
    }

    // The caller spins, then yields, rather than blocking: .NET's wait primitives allocate the first
    // time they block (a CountdownEvent its lazy lock, for one), which would break the promise of no
    // allocation per call on a caller's first step that has to wait. The helpers are
    // started together with the caller's own share and usually finish about when it does; and while it
    // waits, the caller yields its core to any thread ready to run, so a helper that has not had a core
    // yet can take it. It never sleeps for a whole millisecond, which would cost a step more than the
    // wait.
    private static void WaitForHelpers()
    {
        SpinWait spinner = default;
        while (Volatile.Read(ref s_running) != 0)
            spinner.SpinOnce(sleep1Threshold: -1);
    }

    private static void RunChunks(int share)
    {
        IChunkWork work = s_work!;
        if (s_fixedShares)
        {
            int chunks = s_count - s_first;
            int end = s_first + (int)((long)chunks * (share + 1) / s_participants);
            for (int chunk = s_first + (int)((long)chunks * share / s_participants); chunk < end; chunk++)
                RunChunk(work, chunk);
            return;
        }
        int next;
        while ((next = Interlocked.Increment(ref s_next) - 1) < s_count)
            RunChunk(work, next);
    }

    private static void RunChunk(IChunkWork work, int chunk)
    {
        try
        {
            work.RunChunk(chunk);
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref s_failure, ExceptionDispatchInfo.Capture(exception), null);
        }
    }
}
