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
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument)
    {
        var (g, lo) = Argument(x);
        Vector128<T> s = FastMath.SigmoidOperator<T>.Invoke(g);
        Vector128<T> correction = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(g), Vector128.Create(CorrectionLimit)),
            s * (Vector128<T>.One - s) * lo, Vector128<T>.Zero);
        return x * (s + correction);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<T> Hi, Vector128<T> Lo) Argument(Vector128<T> x)
    {
        Vector128<T> linearHi = Vector128.Create(LinearHi), cubicHi = Vector128.Create(CubicHi);
        Vector128<T> p = x * linearHi;
        Vector128<T> pe = Fma(x, linearHi, -p) + x * Vector128.Create(LinearLo);
        Vector128<T> x2 = x * x;
        Vector128<T> x2e = Fma(x, x, -x2);
        Vector128<T> x3 = x2 * x;
        Vector128<T> x3e = Fma(x2, x, -x3) + x2e * x;
        Vector128<T> q = x3 * cubicHi;
        Vector128<T> qe = Fma(x3, cubicHi, -q) + (x3e * cubicHi + x3 * Vector128.Create(CubicLo));
        Vector128<T> g = p + q;
        Vector128<T> t = g - p;
        return (g, ((p - (g - t)) + (q - t)) + (pe + qe));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument)
    {
        var (g, lo) = Argument(x);
        Vector256<T> s = FastMath.SigmoidOperator<T>.Invoke(g);
        Vector256<T> correction = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(g), Vector256.Create(CorrectionLimit)),
            s * (Vector256<T>.One - s) * lo, Vector256<T>.Zero);
        return x * (s + correction);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<T> Hi, Vector256<T> Lo) Argument(Vector256<T> x)
    {
        Vector256<T> linearHi = Vector256.Create(LinearHi), cubicHi = Vector256.Create(CubicHi);
        Vector256<T> p = x * linearHi;
        Vector256<T> pe = Fma(x, linearHi, -p) + x * Vector256.Create(LinearLo);
        Vector256<T> x2 = x * x;
        Vector256<T> x2e = Fma(x, x, -x2);
        Vector256<T> x3 = x2 * x;
        Vector256<T> x3e = Fma(x2, x, -x3) + x2e * x;
        Vector256<T> q = x3 * cubicHi;
        Vector256<T> qe = Fma(x3, cubicHi, -q) + (x3e * cubicHi + x3 * Vector256.Create(CubicLo));
        Vector256<T> g = p + q;
        Vector256<T> t = g - p;
        return (g, ((p - (g - t)) + (q - t)) + (pe + qe));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument)
    {
        var (g, lo) = Argument(x);
        Vector512<T> s = FastMath.SigmoidOperator<T>.Invoke(g);
        Vector512<T> correction = Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(g), Vector512.Create(CorrectionLimit)),
            s * (Vector512<T>.One - s) * lo, Vector512<T>.Zero);
        return x * (s + correction);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<T> Hi, Vector512<T> Lo) Argument(Vector512<T> x)
    {
        Vector512<T> linearHi = Vector512.Create(LinearHi), cubicHi = Vector512.Create(CubicHi);
        Vector512<T> p = x * linearHi;
        Vector512<T> pe = Fma(x, linearHi, -p) + x * Vector512.Create(LinearLo);
        Vector512<T> x2 = x * x;
        Vector512<T> x2e = Fma(x, x, -x2);
        Vector512<T> x3 = x2 * x;
        Vector512<T> x3e = Fma(x2, x, -x3) + x2e * x;
        Vector512<T> q = x3 * cubicHi;
        Vector512<T> qe = Fma(x3, cubicHi, -q) + (x3e * cubicHi + x3 * Vector512.Create(CubicLo));
        Vector512<T> g = p + q;
        Vector512<T> t = g - p;
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
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
    {
        Vector128<T> s = FastMath.SigmoidOperator<T>.Invoke(Argument(x).Hi);
        Vector128<T> slope = Vector128.Create(LinearHi) + Vector128.Create(T.CreateTruncating(3) * CubicHi) * (x * x);
        return d * (s + x * s * (Vector128<T>.One - s) * slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
    {
        Vector256<T> s = FastMath.SigmoidOperator<T>.Invoke(Argument(x).Hi);
        Vector256<T> slope = Vector256.Create(LinearHi) + Vector256.Create(T.CreateTruncating(3) * CubicHi) * (x * x);
        return d * (s + x * s * (Vector256<T>.One - s) * slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
    {
        Vector512<T> s = FastMath.SigmoidOperator<T>.Invoke(Argument(x).Hi);
        Vector512<T> slope = Vector512.Create(LinearHi) + Vector512.Create(T.CreateTruncating(3) * CubicHi) * (x * x);
        return d * (s + x * s * (Vector512<T>.One - s) * slope);
    }
    /// <summary>a·b + c rounded once, lane for lane as T.FusedMultiplyAdd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Fma(Vector128<T> a, Vector128<T> b, Vector128<T> c) => typeof(T) == typeof(float)
        ? Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    /// <summary>a·b + c rounded once, lane for lane as T.FusedMultiplyAdd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(float)
        ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    /// <summary>a·b + c rounded once, lane for lane as T.FusedMultiplyAdd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(float)
        ? Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
}
