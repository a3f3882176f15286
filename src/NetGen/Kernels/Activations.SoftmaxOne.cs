using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class Activations
{
    /// <summary>
    /// Softmax of one row that fits one vector, <c>e^(v[j] − m) / Σₖ e^(v[k] − m)</c> for
    /// j &lt; <paramref name="size"/> with m the row's maximum: one exponential for the whole row,
    /// the lanes past it zeroed before the sum.
    /// </summary>
    /// <param name="row">The row, as a vector whose lanes from <paramref name="size"/> on are ignored.</param>
    /// <param name="stored">The same row in memory, where its maximum is found in scalar code.</param>
    /// <param name="size">Values in the row.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector SoftmaxOne<T, TVector, TWidth>(TVector row, ref T stored, int size)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        // A plain comparison rather than T.Max, whose IEEE rules for NaN and signed zeros cost several
        // instructions a value; a NaN logit makes the whole row NaN through the sum either way.
        T max = stored;
        for (int j = 1; j < size; j++)
        {
            T value = Unsafe.Add(ref stored, j);
            if (value > max)
                max = value;
        }
        TVector exponentials = TWidth.KeepFirst(TWidth.Apply<FastMath.ExpOperator<T>>(TWidth.Subtract(row, TWidth.Broadcast(max))), size);
        return TWidth.Divide(exponentials, TWidth.Broadcast(TWidth.Sum(exponentials)));
    }
}
