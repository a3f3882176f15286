using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>A kernel's body to run at one vector width, its arguments held in the call's fields.</summary>
internal interface IWidthCall<T, TResult> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    TResult Run<TVector, TWidth>()
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>;
}

/// <summary>
/// The one place that picks the width of the kernels whose every vector is a slice of one long run
/// (element-wise updates, sums over a whole buffer): the runtime's preferred width, the size of
/// <see cref="Vector{T}"/>, 256 bits on AVX2 and, unless configured otherwise, on AVX-512 as well.
/// </summary>
internal static class PreferredWidth
{
    /// <summary>Runs <paramref name="call"/> at the preferred width; Vector&lt;T&gt;.Count is a JIT-time constant, so only that width is compiled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult Run<T, TCall, TResult>(ref TCall call)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TCall : IWidthCall<T, TResult>, allows ref struct
    {
        if (Vector<T>.Count == Vector512<T>.Count)
            return call.Run<Vector512<T>, Width512<T>>();
        if (Vector<T>.Count == Vector256<T>.Count)
            return call.Run<Vector256<T>, Width256<T>>();
        return call.Run<Vector128<T>, Width128<T>>();
    }
}
