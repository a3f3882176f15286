using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// SiLU (Swish), PyTorch's <c>nn.SiLU</c>: <c>f(x) = x·σ(x)</c>; <c>f′(x) = σ(x)·(1 + x·(1 − σ(x)))</c>,
/// from the pre-activation.
/// </summary>
/// <remarks>
/// σ from <see cref="FastMath"/> (within 1 ulp), so f is within 1.5 ulp of x·σ(x): measured at most
/// 1.3 ulp in float and in double over every 2⁻⁸ from −30 to 30 (ActivationAccuracyTests).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SiLUActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x * FastMath.SigmoidOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => x * FastMath.SigmoidOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => x * FastMath.SigmoidOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => x * FastMath.SigmoidOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument)
    {
        T s = FastMath.SigmoidOperator<T>.Invoke(x);
        return d * (s * (T.One + x * (T.One - s)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
    {
        Vector128<T> s = FastMath.SigmoidOperator<T>.Invoke(x);
        return d * (s * (Vector128<T>.One + x * (Vector128<T>.One - s)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
    {
        Vector256<T> s = FastMath.SigmoidOperator<T>.Invoke(x);
        return d * (s * (Vector256<T>.One + x * (Vector256<T>.One - s)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
    {
        Vector512<T> s = FastMath.SigmoidOperator<T>.Invoke(x);
        return d * (s * (Vector512<T>.One + x * (Vector512<T>.One - s)));
    }
}
