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
    /// above zero and stays there for good; and arithmetic on subnormals is several times slower. In a trained
    /// 784-256-10 network (batch 128), 35,775 of whose 203,530 first moments were stuck there, Adam's update took
    /// 195 us a step, and 80 us with them stored as zero (OptimizerBenchmarks, a quarter of them subnormal: 234 us
    /// and 73). Stored as zero, such a value changes its parameter's later updates by less than 1e-20 of the
    /// learning rate with the default ε of 1e-8 (a first moment or momentum buffer by under 2e-30; a second moment,
    /// whose square root is under 1.1e-19 beside ε, only where the gradients are under 4e-18), far below the
    /// parameter's rounding; PyTorch keeps the subnormal. The step that computes the
    /// value still uses it as computed, which keeps the flush off the update's chain of dependent operations
    /// (flushed before its use, it made the update 75 us instead of 71). Where nothing is subnormal the flush costs
    /// the update a sixth: 73 us against 62 without it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T FlushSubnormal<T>(T x) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.IsSubnormal(x) ? T.Zero : x;

    /// <summary>
    /// <see cref="FlushSubnormal{T}"/> on every lane, given <paramref name="smallestNormal"/> broadcast
    /// (<see cref="SmallestNormal{T}"/>) by the caller, outside its loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector FlushSubnormal<T, TVector, TWidth>(TVector x, TVector smallestNormal)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector> =>
        TWidth.ConditionalSelect(TWidth.LessThan(TWidth.Abs(x), smallestNormal), TWidth.Zero, x);

    /// <summary>The smallest normal value of T: 2⁻¹²⁶ in float, 2⁻¹⁰²² in double.</summary>
    internal static class SmallestNormal<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static readonly T Value = Find();

        // The smallest subnormal, doubled (exactly) until it is normal.
        private static T Find()
        {
            T x = T.Epsilon;
            while (T.IsSubnormal(x))
                x += x;
            return x;
        }
    }
}
