using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// GELU, PyTorch's <c>nn.GELU()</c> (exact, <c>approximate='none'</c>): <c>f(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))</c>,
/// with Φ the standard normal distribution; <c>f′(x) = Φ(x) + x·φ(x)</c>, φ its density, from the pre-activation.
/// </summary>
/// <remarks>
/// x·Φ(x) from FastMath's StandardNormal, as ½·x·erfc(−x/√2) with erfc (<see cref="FastMath.Erfc(double)"/>)
/// relative to itself and x taken in before its last rounding, so that f keeps its accuracy where x is negative
/// and f tends to 0 (where 1 + erf(x/√2) would cancel). Within 3 ulp in float and 3.5 in double over every 2⁻⁸
/// from −30 to 30 (ActivationAccuracyTests; measured 2.31 near x = −12.8 and 2.97 near x = −24.2).
/// f′ is Φ + x·φ with φ from the same exponential, and agrees with PyTorch's to 1.8 units of float's precision
/// and 1 of double's (PyTorchActivationParityTests, which allows 32).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GELUActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => FastMath.StandardNormalOperator<T>.Invoke(x, x).ScaledCdf;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => FastMath.StandardNormalOperator<T>.Invoke(x, x).ScaledCdf;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => FastMath.StandardNormalOperator<T>.Invoke(x, x).ScaledCdf;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => FastMath.StandardNormalOperator<T>.Invoke(x, x).ScaledCdf;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument)
    {
        var (cdf, density) = FastMath.StandardNormalOperator<T>.Invoke(x, T.One);
        return d * (cdf + x * density);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
    {
        var (cdf, density) = FastMath.StandardNormalOperator<T>.Invoke(x, Vector128<T>.One);
        return d * (cdf + x * density);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
    {
        var (cdf, density) = FastMath.StandardNormalOperator<T>.Invoke(x, Vector256<T>.One);
        return d * (cdf + x * density);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
    {
        var (cdf, density) = FastMath.StandardNormalOperator<T>.Invoke(x, Vector512<T>.One);
        return d * (cdf + x * density);
    }
}
