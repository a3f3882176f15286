using System;
using Xunit;

namespace NetGen.Data.Tests.Support;

/// <summary>
/// Measures what a reader allocates, over every thread (GC.GetTotalAllocatedBytes), so the tests that
/// use it run in a collection of their own with nothing alongside: another test's arrays would count.
/// </summary>
internal static class Allocations
{
    /// <summary>Far below what any of the bombs would take to inflate, far above a streaming reader's buffers.</summary>
    public const long Bound = 64L << 20;

    /// <summary>Runs <paramref name="read"/>, which must throw <typeparamref name="TException"/>, and asserts that it allocated under <see cref="Bound"/>.</summary>
    public static TException ThrowsWithin<TException>(Action read) where TException : Exception
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        TException exception = Assert.Throws<TException>(read);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < Bound, $"allocated {allocated:N0} bytes: expected under {Bound:N0}; the error was: {exception.Message}");
        return exception;
    }
}

/// <summary>The tests that measure allocations, run alone (see <see cref="Allocations"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuredCollection
{
    public const string Name = "Allocation measured";
}
