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
/// <see cref="Vector{T}"/>, 256 bits on AVX2 and, unless configured otherwise, on AVX-512 as well; for a kernel bound
/// by divisions and square roots, 512 bits on a core with full-width 512-bit pipes (<see cref="RunDivisionBound"/>).
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

    /// <summary>
    /// Runs <paramref name="call"/>, a kernel bound by its divisions and square roots (Adam's update), at 512 bits on a
    /// core with two full-width 512-bit pipes (<see cref="VectorPipes"/>), and at the preferred width elsewhere. Such a
    /// core divides a 512-bit vector in about the time of a 256-bit one: Adam over a 784-256-10 network's 203,530
    /// parameters took 42-45 µs at 512 bits against 62-64 at 256 on a Zen 5 core. A core that splits 512-bit vectors in
    /// halves (Zen 4) gains nothing by them. Each element's result is the same at any width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult RunDivisionBound<T, TCall, TResult>(ref TCall call)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TCall : IWidthCall<T, TResult>, allows ref struct
        => VectorPipes.FullWidthVector512 ? call.Run<Vector512<T>, Width512<T>>() : Run<T, TCall, TResult>(ref call);
}
