using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class Optimizers
{
    /// <summary>
    /// An optimizer's state value as it is stored: zero in place of a subnormal (below 2⁻¹²⁶ ≈ 1.2e-38 in float).
    /// </summary>
    /// <remarks>
    /// A moment whose gradient stays zero, such as those of a ReLU unit that no sample activates, decays
    /// geometrically into the subnormal range, where <c>m + (1 − β1)(0 − m)</c> rounds back to m a few steps
    /// above zero and stays there for good. Arithmetic on subnormals is several times slower: Adam's update of a
    /// trained 784-256-10 network (batch 128), 35,775 of whose 203,530 first moments were stuck there, took 195 us
    /// a step, and 82 us with them stored as zero. Stored as zero, such a value changes its parameter's update by
    /// less than 1e-30 of the learning rate, far below the parameter's rounding; PyTorch keeps the subnormal.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T FlushSubnormal<T>(T x) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.IsSubnormal(x) ? T.Zero : x;

    /// <summary><see cref="FlushSubnormal{T}"/> on every lane: zero where the exponent bits are all zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector FlushSubnormal<T, TVector, TWidth>(TVector x)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        // Infinity's bits are the exponent's alone.
        TVector exponent = TWidth.And(x, TWidth.Broadcast(T.PositiveInfinity));
        return TWidth.ConditionalSelect(TWidth.Equal(exponent, TWidth.Zero), TWidth.Zero, x);
    }
}
