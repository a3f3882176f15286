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
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) => Forward<Width128<T>, Vector128<T>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) => Forward<Width256<T>, Vector256<T>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) => Forward<Width512<T>, Vector512<T>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument) => Backward<Width128<T>, Vector128<T>>(x, d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument) => Backward<Width256<T>, Vector256<T>>(x, d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument) => Backward<Width512<T>, Vector512<T>>(x, d);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Forward<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
        => TWidth.Multiply(x, TanhSoftplus<TWidth, TVector>(x).Tanh);

    /// <inheritdoc cref="TanhSoftplus(T)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Tanh, TVector OneMinusTanh, TVector E) TanhSoftplus<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        TVector e = TWidth.Apply<FastMath.ExpOperator<T>>(TWidth.Negate(TWidth.Abs(x)));
        TVector two = TWidth.Broadcast(T.One + T.One);
        TVector m = TWidth.Multiply(e, TWidth.Add(e, two));
        TVector e2 = TWidth.Multiply(e, e);
        TVector positive = TWidth.GreaterThan(x, TWidth.Zero);
        TVector ratio = TWidth.Divide(
            TWidth.ConditionalSelect(positive, TWidth.Multiply(two, e2), m),
            TWidth.ConditionalSelect(positive, TWidth.Add(TWidth.One, TWidth.Add(m, e2)), TWidth.Add(m, two)));
        TVector complement = TWidth.Subtract(TWidth.One, ratio);
        return (TWidth.ConditionalSelect(positive, complement, ratio), TWidth.ConditionalSelect(positive, ratio, complement), e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Backward<TWidth, TVector>(TVector x, TVector d)
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        var (tanh, oneMinusTanh, e) = TanhSoftplus<TWidth, TVector>(x);
        TVector sigmoid = TWidth.Divide(TWidth.ConditionalSelect(TWidth.GreaterThan(x, TWidth.Zero), TWidth.One, e), TWidth.Add(TWidth.One, e));
        return TWidth.Multiply(d, TWidth.Add(tanh, TWidth.Multiply(TWidth.Multiply(x, sigmoid), TWidth.Multiply(oneMinusTanh, TWidth.Add(TWidth.One, tanh)))));
    }
}
