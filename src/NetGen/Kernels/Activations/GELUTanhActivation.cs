using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// GELU with PyTorch's tanh approximation, <c>nn.GELU(approximate='tanh')</c>:
/// <c>f(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>, computed as <c>x·σ(g)</c> with
/// <c>g = 2√(2/π)·(x + 0.044715·x³)</c> (the same function, since 1 + tanh u = 2σ(2u), without the
/// cancellation of 1 + tanh u for negative x); <c>f′(x) = σ(g) + x·σ(g)·(1 − σ(g))·g′</c> with
/// <c>g′ = 2√(2/π)·(1 + 3·0.044715·x²)</c>, from the pre-activation.
/// </summary>
/// <remarks>
/// σ from <see cref="FastMath"/> (within 1 ulp). An error δ in g costs |g|·(1 − σ(g))·δ of f's relative
/// accuracy, which on the negative side, where f tends to 0 and |g| grows as x³, would be hundreds of
/// ulps; so g is carried as a sum hi + lo (products split exactly with fused multiply-adds, the
/// constants in two parts) and σ(g) taken as σ(hi)·(1 + (1 − σ(hi))·lo). Within 12 ulp in float and
/// 24 ulp in double over every 2⁻⁸ from −30 to 30 (ActivationAccuracyTests; measured 10.0 near x = −10
/// and 19.8 near x = −21, against 132 and 1349 with g rounded once).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GELUTanhActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    // 2·√(2/π) and 2·√(2/π)·0.044715, each in two parts whose sum is the constant to about twice T's precision.
    private static T LinearHi => T.CreateTruncating(1.5957691216057308);
    private static T LinearLo => T.CreateTruncating(1.5957691216057308 - double.CreateTruncating(LinearHi) + -9.96930880911092e-17);
    private static T CubicHi => T.CreateTruncating(0.07135481627260025);
    private static T CubicLo => T.CreateTruncating(0.07135481627260025 - double.CreateTruncating(CubicHi) + -6.175149918155315e-19);

    // Past this |g|, σ(g) is 0 or 1 to far below an ulp of f, and lo may be NaN where x³ overflowed.
    private static T CorrectionLimit => T.CreateTruncating(1e4);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument)
    {
        var (g, lo) = Argument(x);
        T s = FastMath.SigmoidOperator<T>.Invoke(g);
        T correction = T.Abs(g) < CorrectionLimit ? s * (T.One - s) * lo : T.Zero;
        return x * (s + correction);
    }

    /// <summary>g = 2√(2/π)·(x + 0.044715·x³) as hi + lo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Hi, T Lo) Argument(T x)
    {
        T p = x * LinearHi;
        T pe = T.FusedMultiplyAdd(x, LinearHi, -p) + x * LinearLo;
        T x2 = x * x;
        T x2e = T.FusedMultiplyAdd(x, x, -x2);
        T x3 = x2 * x;
        T x3e = T.FusedMultiplyAdd(x2, x, -x3) + x2e * x;
        T q = x3 * CubicHi;
        T qe = T.FusedMultiplyAdd(x3, CubicHi, -q) + (x3e * CubicHi + x3 * CubicLo);
        T g = p + q;
        T t = g - p;
        return (g, ((p - (g - t)) + (q - t)) + (pe + qe));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument)
    {
        T s = FastMath.SigmoidOperator<T>.Invoke(Argument(x).Hi);
        T slope = LinearHi + T.CreateTruncating(3) * CubicHi * (x * x);
        return d * (s + x * s * (T.One - s) * slope);
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
    {
        var (g, lo) = Argument<TWidth, TVector>(x);
        TVector s = TWidth.Apply<FastMath.SigmoidOperator<T>>(g);
        TVector correction = TWidth.ConditionalSelect(TWidth.LessThan(TWidth.Abs(g), TWidth.Broadcast(CorrectionLimit)),
            TWidth.Multiply(TWidth.Multiply(s, TWidth.Subtract(TWidth.One, s)), lo), TWidth.Zero);
        return TWidth.Multiply(x, TWidth.Add(s, correction));
    }

    /// <inheritdoc cref="Argument(T)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Hi, TVector Lo) Argument<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        TVector linearHi = TWidth.Broadcast(LinearHi), cubicHi = TWidth.Broadcast(CubicHi);
        TVector p = TWidth.Multiply(x, linearHi);
        TVector pe = TWidth.Add(TWidth.FusedMultiplyAdd(x, linearHi, TWidth.Negate(p)), TWidth.Multiply(x, TWidth.Broadcast(LinearLo)));
        TVector x2 = TWidth.Multiply(x, x);
        TVector x2e = TWidth.FusedMultiplyAdd(x, x, TWidth.Negate(x2));
        TVector x3 = TWidth.Multiply(x2, x);
        TVector x3e = TWidth.Add(TWidth.FusedMultiplyAdd(x2, x, TWidth.Negate(x3)), TWidth.Multiply(x2e, x));
        TVector q = TWidth.Multiply(x3, cubicHi);
        TVector qe = TWidth.Add(
            TWidth.FusedMultiplyAdd(x3, cubicHi, TWidth.Negate(q)),
            TWidth.Add(TWidth.Multiply(x3e, cubicHi), TWidth.Multiply(x3, TWidth.Broadcast(CubicLo))));
        TVector g = TWidth.Add(p, q);
        TVector t = TWidth.Subtract(g, p);
        return (g, TWidth.Add(TWidth.Add(TWidth.Subtract(p, TWidth.Subtract(g, t)), TWidth.Subtract(q, t)), TWidth.Add(pe, qe)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Backward<TWidth, TVector>(TVector x, TVector d)
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        TVector s = TWidth.Apply<FastMath.SigmoidOperator<T>>(Argument<TWidth, TVector>(x).Hi);
        TVector slope = TWidth.Add(TWidth.Broadcast(LinearHi), TWidth.Multiply(TWidth.Broadcast(T.CreateTruncating(3) * CubicHi), TWidth.Multiply(x, x)));
        return TWidth.Multiply(d, TWidth.Add(s, TWidth.Multiply(TWidth.Multiply(TWidth.Multiply(x, s), TWidth.Subtract(TWidth.One, s)), slope)));
    }
}
