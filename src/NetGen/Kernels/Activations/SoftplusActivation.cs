using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Softplus, PyTorch's <c>nn.Softplus()</c> (beta 1, threshold 20): <c>f(x) = x &gt; 20 ? x : ln(1 + eˣ)</c>,
/// computed as <c>max(x, 0) + ln(1 + e^−|x|)</c>, which neither overflows nor cancels;
/// <c>f′(x) = x &gt; 20 ? 1 : σ(x)</c>, from the pre-activation, as PyTorch.
/// </summary>
/// <remarks>
/// σ from <see cref="FastMath"/> (within 1 ulp); ln(1 + e^−|x|) as FastMath's Log1p of e^−|x|, corrected by
/// what the exponential's last rounding dropped, which would otherwise carry through where f is nearly
/// e^x. Stated bound: 1.25 ulp in float and in double (measured 1.06 and 1.17) over every 2⁻⁸ from −30
/// to 30 (ActivationAccuracyTests).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SoftplusActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    // PyTorch's threshold: above it f is x and f′ is 1.
    private static T Threshold => T.CreateTruncating(20);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) =>
        x > Threshold ? x : T.Max(x, T.Zero) + FastMath.Log1pExpOperator<T>.Invoke(-T.Abs(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(Threshold)), x,
            Vector128.Max(x, Vector128<T>.Zero) + FastMath.Log1pExpOperator<T>.Invoke(-Vector128.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(Threshold)), x,
            Vector256.Max(x, Vector256<T>.Zero) + FastMath.Log1pExpOperator<T>.Invoke(-Vector256.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(Threshold)), x,
            Vector512.Max(x, Vector512<T>.Zero) + FastMath.Log1pExpOperator<T>.Invoke(-Vector512.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument) => x > Threshold ? d : d * FastMath.SigmoidOperator<T>.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(Threshold)), d, d * FastMath.SigmoidOperator<T>.Invoke(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(Threshold)), d, d * FastMath.SigmoidOperator<T>.Invoke(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(Threshold)), d, d * FastMath.SigmoidOperator<T>.Invoke(x));
}
