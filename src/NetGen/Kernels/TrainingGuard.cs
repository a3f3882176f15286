using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NetGen.Kernels;

/// <summary>
/// Keeps a network's training members (<c>TrainStep</c>, <c>ComputeGradients</c>, <c>ApplyGradients</c>,
/// <c>ImportParameters</c>, <c>ResetOptimizer</c>, the setters) to one thread at a time: a second thread
/// that enters while the first is inside gets an <see cref="InvalidOperationException"/> instead of
/// corrupting the parameters. The owner is a managed thread id, so that a training member may call another
/// on the same thread.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TrainingGuard
{
    /// <summary>
    /// Claims the instance whose owner field is <paramref name="owner"/> for the calling thread. Returns true
    /// when this call claimed it and must release it with <see cref="Exit"/>, false when the thread held it already.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Enter(ref int owner, string member)
    {
        int thread = Environment.CurrentManagedThreadId;
        // A training member called by another on the same thread (TrainStep's ComputeGradients and
        // ApplyGradients) needs no atomic operation: only this thread writes its own id there.
        if (Volatile.Read(ref owner) == thread)
            return false;
        if (Interlocked.CompareExchange(ref owner, thread, 0) != 0)
            ThrowBusy(member);
        return true;
    }

    /// <summary>Releases the instance when <paramref name="entered"/> says that the matching <see cref="Enter"/> claimed it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ref int owner, bool entered)
    {
        if (entered)
            Volatile.Write(ref owner, 0);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBusy(string member) =>
        throw new InvalidOperationException(
            $"{member} was called while another thread is training this network instance. Training members (TrainStep, "
            + "ComputeGradients, ApplyGradients, ImportParameters, ResetOptimizer and the setters) are for one thread at a time; "
            + "Forward and Predict may be called from any number of threads. Use Clone() for a copy that trains independently.");
}
