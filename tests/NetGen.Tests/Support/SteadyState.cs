using System;
using Xunit;

namespace NetGen.Tests.Support;

/// <summary>Whether a warm operation allocates, measured on the calling thread.</summary>
internal static class SteadyState
{
    /// <summary>
    /// Fails unless some window of <paramref name="repetitions"/> calls of <paramref name="round"/>, out of
    /// <paramref name="windows"/>, allocates nothing. Code that allocates per call allocates in every window. The runtime
    /// itself may allocate on the calling thread once, while the other tests run beside this one (seen once: 2,616 bytes
    /// in one window of one network, with DOTNET_EnableHWIntrinsic=0, and 4,824 bytes once in a quantized network's
    /// window, neither on rerunning), so the steady state is a window that allocates nothing.
    /// </summary>
    public static void AssertAllocatesNothing(Action round, int repetitions, int windows, string what)
    {
        var allocations = new long[windows];
        for (int window = 0; window < windows; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int repetition = 0; repetition < repetitions; repetition++)
                round();
            allocations[window] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocations[window] == 0)
                return;
        }

        Assert.Fail($"In each of {windows} windows, {repetitions} rounds of {what} allocated: {string.Join(", ", allocations)} bytes.");
    }
}
