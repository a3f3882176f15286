using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// ELU, PyTorch's <c>nn.ELU()</c> (alpha 1): <c>f(x) = x &gt; 0 ? x : eˣ − 1</c>;
/// <c>f′ = y &gt; 0 ? 1 : y + 1</c>, from the output y, which is above 0 exactly where x is.
/// </summary>
/// <remarks>
/// eˣ − 1 from <see cref="FastMath"/>'s ExpM1, which does not cancel near 0. Stated bound: 1 ulp in float
/// and in double over every 2⁻⁸ from −30 to 30 (ActivationAccuracyTests).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ELUActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.Output;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x > T.Zero ? x : FastMath.ExpM1Operator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), x, FastMath.ExpM1Operator<T>.Invoke(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, FastMath.ExpM1Operator<T>.Invoke(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, FastMath.ExpM1Operator<T>.Invoke(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument) => y > T.Zero ? d : d * (y + T.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(y, Vector128<T>.Zero), d, d * (y + Vector128<T>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(y, Vector256<T>.Zero), d, d * (y + Vector256<T>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(y, Vector512<T>.Zero), d, d * (y + Vector512<T>.One));
}
