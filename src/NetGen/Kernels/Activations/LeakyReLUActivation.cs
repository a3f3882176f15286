using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// <c>f(x) = x &gt; 0 ? x : s·x</c> with s the negative slope (the argument); <c>f′ = 1</c> where the
/// output is above 0, else s. From the output, which is above 0 exactly where x is for any s ≥ 0.
/// </summary>
/// <remarks>Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct LeakyReLUActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.Output;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x > T.Zero ? x : x * argument;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), x, x * argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, x * argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, x * argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument) => y > T.Zero ? d : d * argument;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(y, Vector128<T>.Zero), d, d * argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<T>.Zero), d, d * argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(y, Vector512<T>.Zero), d, d * argument);
}
