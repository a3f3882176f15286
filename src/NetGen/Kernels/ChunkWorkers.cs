using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
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
    private static StartSignal[] s_starts = [];
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
            s_starts[helper - 1].Signal();
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
            var start = s_starts[share - 1] = new StartSignal();
            var thread = new Thread(() => WorkerLoop(start, share)) { IsBackground = true, Name = $"NetGen worker {share}" };
            thread.Start();
        }
    }

    /// <summary>How long a helper watches for its next start before it blocks, and the caller for its helpers before it yields.</summary>
    private const int WatchMicroseconds = 200;

    /// <summary>Watched iterations between looks at the clock.</summary>
    private const int SpinsPerClockRead = 64;

    private static void WorkerLoop(StartSignal start, int share)
    {
        for (int started = 0; ; started++)
        {
            start.WaitForStart(started);
            RunChunks(share);
            // A full fence: the chunks' writes are visible to the caller once it sees the count fall.
            Interlocked.Decrement(ref s_running);
        }
    }

    /// <summary>
    /// Watches <paramref name="location"/> for up to <see cref="WatchMicroseconds"/> while it equals <paramref name="value"/>
    /// (or, with <paramref name="equal"/> false, while it does not): true once that ends within the watch, false when the
    /// watch ends first.
    /// </summary>
    private static bool Watch(ref int location, int value, bool equal)
    {
        long until = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1_000_000 * WatchMicroseconds;
        for (int spins = 1; (Volatile.Read(ref location) == value) == equal; spins++)
        {
            if (spins % SpinsPerClockRead == 0 && Stopwatch.GetTimestamp() >= until)
                return false;
            Thread.SpinWait(1);
        }
        return true;
    }

    // The caller watches the count, then yields, rather than blocking: .NET's wait primitives allocate the first
    // time they block (a CountdownEvent its lazy lock, for one), which would break the promise of no
    // allocation per call on a caller's first step that has to wait. The helpers are
    // started together with the caller's own share and usually finish within microseconds of it, which the watch
    // sees at once; past the watch, the caller yields its core to any thread ready to run, so a helper that has
    // not had a core yet can take it. It never sleeps for a whole millisecond, which would cost a step more than
    // the wait.
    private static void WaitForHelpers()
    {
        if (Watch(ref s_running, 0, equal: false))
            return;
        SpinWait spinner = default;
        while (Volatile.Read(ref s_running) != 0)
            spinner.SpinOnce(sleep1Threshold: -1);
    }

    /// <summary>
    /// A helper's start: a count of the jobs started for it, which it watches, and a semaphore it blocks on once the watch
    /// ends. A training step starts its helpers three times (its first layer's products, its chunks, its blocks of
    /// parameters), a few microseconds apart: a helper watching for the next start begins that much sooner than one woken
    /// from a wait (2.4 against 5.6 us a start on a KVM guest), and one watching a count of its own sooner than one
    /// watching the semaphore's count, whose Wait then took the semaphore's lock, lines the caller had just written: a
    /// job of two empty chunks on two threads took 1.15-1.22 us instead of 1.55-1.68, its helper starting 0.59-0.62 us
    /// after the call instead of 0.90-1.03 (medians of rounds of 20,000 calls, the last two of five in each of two pairs
    /// of alternating processes, on a Zen 5 KVM guest).
    /// </summary>
    private sealed class StartSignal
    {
        private PaddedCount _started;
        private PaddedCount _blocked;
        private readonly SemaphoreSlim _wake = new(0);

        /// <summary>Starts the next job: counted, and the helper woken if it blocks.</summary>
        public void Signal()
        {
            // Full fences on both sides: either the helper sees the count before it blocks, or this sees it blocked.
            Interlocked.Increment(ref _started.Value);
            if (Volatile.Read(ref _blocked.Value) != 0)
                _wake.Release();
        }

        /// <summary>Returns once more than <paramref name="started"/> jobs have started.</summary>
        public void WaitForStart(int started)
        {
            if (Watch(ref _started.Value, started, equal: true))
                return;
            Interlocked.Exchange(ref _blocked.Value, 1);
            // A release meant for an earlier start that this helper saw by watching is taken here and waited out.
            while (Volatile.Read(ref _started.Value) == started)
                _wake.Wait();
            Volatile.Write(ref _blocked.Value, 0);
        }
    }

    /// <summary>A count on a cache line of its own, so that watching it reads no line another thread writes for other reasons.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 2 * Alignment.Bytes)]
    private struct PaddedCount
    {
        [FieldOffset(Alignment.Bytes)]
        public int Value;
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
