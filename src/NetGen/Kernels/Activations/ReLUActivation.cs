using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// <c>f(x) = max(x, 0)</c>; <c>f′ = 1</c> where the output is above 0, else 0 (at 0 too, as PyTorch).
/// </summary>
/// <remarks>Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ReLUActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.Output;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x > T.Zero || T.IsNaN(x) ? x : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => Vector128.Max(x, Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => Vector256.Max(x, Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => Vector512.Max(x, Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument) => y > T.Zero ? d : T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(y, Vector128<T>.Zero), d, Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<T>.Zero), d, Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(y, Vector512<T>.Zero), d, Vector512<T>.Zero);
}
