using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Mish, PyTorch's <c>nn.Mish()</c>: <c>f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + eˣ))</c>;
/// <c>f′(x) = tanh(softplus(x)) + x·σ(x)·sech²(softplus(x))</c>, from the pre-activation.
/// </summary>
/// <remarks>
/// With e = e^−|x| (<see cref="FastMath"/>'s exponential, within 1 ulp), tanh(ln(1 + eˣ)) = n/(n + 2) with
/// n = eˣ·(eˣ + 2): for x ≤ 0 that is m/(m + 2) with m = e·(e + 2), and for x &gt; 0 it is 1 − 2e²/(1 + 2e + 2e²),
/// a correction to 1 that neither overflows nor cancels; 1 − tanh is the same quotient on the other side, so that
/// sech² = (1 − tanh)·(1 + tanh) does not cancel either, and σ(x) is 1/(1 + e) or e/(1 + e).
/// Within 4 ulp in float and in double over every 2⁻⁸ from −30 to 30 (ActivationAccuracyTests;
/// measured 3.19 in float near x = −6 and 3.04 in double near x = −29, the exponential's error and four roundings).
/// f′ agrees with PyTorch's to 3 units of float's precision and 4 of double's (PyTorchActivationParityTests, which allows 32).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MishActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x * TanhSoftplus(x).Tanh;

    /// <summary>tanh(softplus(x)), 1 − tanh(softplus(x)), and e^−|x|, which σ(x) is made from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Tanh, T OneMinusTanh, T E) TanhSoftplus(T x)
    {
        T e = FastMath.ExpOperator<T>.Invoke(-T.Abs(x));
        T two = T.One + T.One;
        T m = e * (e + two);
        T e2 = e * e;
        bool positive = x > T.Zero;
        T ratio = (positive ? two * e2 : m) / (positive ? T.One + (m + e2) : m + two);
        T complement = T.One - ratio;
        return positive ? (complement, ratio, e) : (ratio, complement, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument)
    {
        var (tanh, oneMinusTanh, e) = TanhSoftplus(x);
        T sigmoid = (x > T.Zero ? T.One : e) / (T.One + e);
        return d * (tanh + x * sigmoid * (oneMinusTanh * (T.One + tanh)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => x * TanhSoftplus(x).Tanh;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<T> Tanh, Vector128<T> OneMinusTanh, Vector128<T> E) TanhSoftplus(Vector128<T> x)
    {
        Vector128<T> e = FastMath.ExpOperator<T>.Invoke(-Vector128.Abs(x));
        Vector128<T> two = Vector128.Create(T.One + T.One);
        Vector128<T> m = e * (e + two);
        Vector128<T> e2 = e * e;
        Vector128<T> positive = Vector128.GreaterThan(x, Vector128<T>.Zero);
        Vector128<T> ratio = Vector128.ConditionalSelect(positive, two * e2, m) / Vector128.ConditionalSelect(positive, Vector128<T>.One + (m + e2), m + two);
        Vector128<T> complement = Vector128<T>.One - ratio;
        return (Vector128.ConditionalSelect(positive, complement, ratio), Vector128.ConditionalSelect(positive, ratio, complement), e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
    {
        var (tanh, oneMinusTanh, e) = TanhSoftplus(x);
        Vector128<T> sigmoid = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), Vector128<T>.One, e) / (Vector128<T>.One + e);
        return d * (tanh + x * sigmoid * (oneMinusTanh * (Vector128<T>.One + tanh)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => x * TanhSoftplus(x).Tanh;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T> Tanh, Vector256<T> OneMinusTanh, Vector256<T> E) TanhSoftplus(Vector256<T> x)
    {
        Vector256<T> e = FastMath.ExpOperator<T>.Invoke(-Vector256.Abs(x));
        Vector256<T> two = Vector256.Create(T.One + T.One);
        Vector256<T> m = e * (e + two);
        Vector256<T> e2 = e * e;
        Vector256<T> positive = Vector256.GreaterThan(x, Vector256<T>.Zero);
        Vector256<T> ratio = Vector256.ConditionalSelect(positive, two * e2, m) / Vector256.ConditionalSelect(positive, Vector256<T>.One + (m + e2), m + two);
        Vector256<T> complement = Vector256<T>.One - ratio;
        return (Vector256.ConditionalSelect(positive, complement, ratio), Vector256.ConditionalSelect(positive, ratio, complement), e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
    {
        var (tanh, oneMinusTanh, e) = TanhSoftplus(x);
        Vector256<T> sigmoid = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), Vector256<T>.One, e) / (Vector256<T>.One + e);
        return d * (tanh + x * sigmoid * (oneMinusTanh * (Vector256<T>.One + tanh)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => x * TanhSoftplus(x).Tanh;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<T> Tanh, Vector512<T> OneMinusTanh, Vector512<T> E) TanhSoftplus(Vector512<T> x)
    {
        Vector512<T> e = FastMath.ExpOperator<T>.Invoke(-Vector512.Abs(x));
        Vector512<T> two = Vector512.Create(T.One + T.One);
        Vector512<T> m = e * (e + two);
        Vector512<T> e2 = e * e;
        Vector512<T> positive = Vector512.GreaterThan(x, Vector512<T>.Zero);
        Vector512<T> ratio = Vector512.ConditionalSelect(positive, two * e2, m) / Vector512.ConditionalSelect(positive, Vector512<T>.One + (m + e2), m + two);
        Vector512<T> complement = Vector512<T>.One - ratio;
        return (Vector512.ConditionalSelect(positive, complement, ratio), Vector512.ConditionalSelect(positive, ratio, complement), e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
    {
        var (tanh, oneMinusTanh, e) = TanhSoftplus(x);
        Vector512<T> sigmoid = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), Vector512<T>.One, e) / (Vector512<T>.One + e);
        return d * (tanh + x * sigmoid * (oneMinusTanh * (Vector512<T>.One + tanh)));
    }
}
