using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>Min(x, bound)</c> for a <paramref name="bound"/> that is neither NaN nor zero, in the one
    /// instruction that takes: a NaN lane of <paramref name="x"/>, the second operand, is what the
    /// native minimum returns, and without a zero there is no sign of zero to order.
    /// </summary>
    /// <remarks>
    /// Min itself needs extra instructions for NaN and signed zeros, which the JIT leaves out only where
    /// it sees a constant operand; through a width type argument it no longer sees one.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector AtMost<T, TWidth, TVector>(TVector x, TVector bound)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
        => TWidth.MinNative(bound, x);
}
