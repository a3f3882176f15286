using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// <c>f(x) = tanh x</c>, within 1 ulp (<see cref="FastMath"/>); <c>f′ = 1 − y²</c>, from the output.
/// </summary>
/// <remarks>Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TanhActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.Output;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => FastMath.TanhOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => FastMath.TanhOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => FastMath.TanhOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => FastMath.TanhOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument) => d * (T.One - y * y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) => d * (Vector128<T>.One - y * y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) => d * (Vector256<T>.One - y * y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) => d * (Vector512<T>.One - y * y);
}
