using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Activations
{
    /// <summary>
    /// Softmax of one row that fits one vector, <c>e^(v[j] − m) / Σₖ e^(v[k] − m)</c> for
    /// j &lt; <paramref name="size"/>, with m the row's first value (its maximum where that would
    /// overflow): one exponential for the whole row, the lanes past it zeroed before the sum.
    /// </summary>
    /// <param name="row">The row, as a vector whose lanes from <paramref name="size"/> on are ignored.</param>
    /// <param name="stored">The same row in memory, where its maximum is found if needed.</param>
    /// <param name="size">Values in the row.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector SoftmaxOne<T, TVector, TWidth>(TVector row, ref T stored, int size)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        // Shifted by the row's first value rather than its maximum, which would take a pass over the
        // stored row before the exponentials could start: the first value's own term is 1, so the sum
        // cannot underflow to 0, and only a value more than ~88 (float) above the first overflows,
        // which shows as a sum that is not finite and sends the row through the maximum after all.
        TVector exponentials = Exponentials<T, TVector, TWidth>(row, TWidth.BroadcastFirst(row), size);
        TVector total = TWidth.SumInEveryLane(exponentials);
        if (!T.IsFinite(TWidth.GetElement(total, 0)))
        {
            exponentials = Exponentials<T, TVector, TWidth>(row, TWidth.Broadcast(RowMax<T>(MemoryMarshal.CreateReadOnlySpan(ref stored, size))), size);
            total = TWidth.SumInEveryLane(exponentials);
        }
        return TWidth.Divide(exponentials, total);
    }

    /// <summary><c>e^(row − shift)</c> on the row's lanes, 0 past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Exponentials<T, TVector, TWidth>(TVector row, TVector shift, int size)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        => TWidth.KeepFirst(TWidth.Apply<FastMath.ExpOperator<T>>(TWidth.Subtract(row, shift)), size);
}
