using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Kernels;

/// <summary>
/// Runs the chunks of an <see cref="IChunkWork"/> on the calling thread and on long-lived background
/// threads, without allocating per call (unlike Parallel.For, whose delegates and state allocate).
/// Which thread takes which chunk varies; results stay deterministic because each chunk writes its
/// own buffers and the caller combines them in a fixed order. One job runs at a time in the process.
/// </summary>
public static class ChunkWorkers
{
    private static readonly object Gate = new();
    private static readonly SemaphoreSlim Start = new(0);
    private static readonly CountdownEvent Done = new(1);
    private static int s_threads;
    private static IChunkWork? s_work;
    private static int s_next;
    private static int s_count;
    private static ExceptionDispatchInfo? s_failure;

    /// <summary>Runs chunks 0 to <paramref name="count"/> − 1 on up to <paramref name="degreeOfParallelism"/> threads, the caller's included; returns when all are done.</summary>
    public static void Run(IChunkWork work, int count, int degreeOfParallelism)
    {
        if (Begin(work, count, degreeOfParallelism, reserveFirst: false))
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
    public static bool Begin(IChunkWork work, int count, int degreeOfParallelism, bool reserveFirst)
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
        s_failure = null;
        Done.Reset(helpers);
        Start.Release(helpers);
        return true;
    }

    /// <summary>Joins the helpers started by <see cref="Begin"/> on the chunks left, and waits until all are done.</summary>
    public static void End()
    {
        try
        {
            RunChunks();
            Done.Wait();
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
        for (; s_threads < helpers; s_threads++)
        {
            var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"NetGen worker {s_threads + 1}" };
            thread.Start();
        }
    }

    private static void WorkerLoop()
    {
        while (true)
        {
            Start.Wait();
            RunChunks();
            Done.Signal();
        }
    }

    private static void RunChunks()
    {
        IChunkWork work = s_work!;
        int chunk;
        while ((chunk = Interlocked.Increment(ref s_next) - 1) < s_count)
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
}
