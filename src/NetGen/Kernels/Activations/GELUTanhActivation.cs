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
/// σ from <see cref="FastMath"/> (within 1 ulp). The rounding of g in the working precision costs
/// |g|·(1 − σ(g)) times its relative error in f, which grows on the negative side where f tends to 0:
/// within 140 ulp in float and 1400 ulp in double over every 2⁻⁸ from −30 to 30 (ActivationAccuracyTests;
/// measured 132 and 1349, near x = −10 and −21).
/// Part of the internal contract between NetGen's generator and the runtime of the same version (docs/generated-code-contract.md).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GELUTanhActivation<T> : IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static DerivativeSource DerivativeSource => DerivativeSource.PreActivation;

    // 2·√(2/π) and 2·√(2/π)·0.044715, rounded once to T.
    private static T Linear => T.CreateChecked(1.5957691216057308);
    private static T Cubic => T.CreateChecked(1.5957691216057308 * 0.044715);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Forward(T x, T argument) => x * FastMath.SigmoidOperator<T>.Invoke(x * (Linear + Cubic * (x * x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward(Vector128<T> x, Vector128<T> argument) =>
        x * FastMath.SigmoidOperator<T>.Invoke(x * (Vector128.Create(Linear) + Vector128.Create(Cubic) * (x * x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward(Vector256<T> x, Vector256<T> argument) =>
        x * FastMath.SigmoidOperator<T>.Invoke(x * (Vector256.Create(Linear) + Vector256.Create(Cubic) * (x * x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward(Vector512<T> x, Vector512<T> argument) =>
        x * FastMath.SigmoidOperator<T>.Invoke(x * (Vector512.Create(Linear) + Vector512.Create(Cubic) * (x * x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Backward(T x, T y, T d, T argument)
    {
        T x2 = x * x;
        T s = FastMath.SigmoidOperator<T>.Invoke(x * (Linear + Cubic * x2));
        T slope = Linear + T.CreateChecked(3) * Cubic * x2;
        return d * (s + x * s * (T.One - s) * slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
    {
        Vector128<T> x2 = x * x;
        Vector128<T> s = FastMath.SigmoidOperator<T>.Invoke(x * (Vector128.Create(Linear) + Vector128.Create(Cubic) * x2));
        Vector128<T> slope = Vector128.Create(Linear) + Vector128.Create(T.CreateChecked(3) * Cubic) * x2;
        return d * (s + x * s * (Vector128<T>.One - s) * slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
    {
        Vector256<T> x2 = x * x;
        Vector256<T> s = FastMath.SigmoidOperator<T>.Invoke(x * (Vector256.Create(Linear) + Vector256.Create(Cubic) * x2));
        Vector256<T> slope = Vector256.Create(Linear) + Vector256.Create(T.CreateChecked(3) * Cubic) * x2;
        return d * (s + x * s * (Vector256<T>.One - s) * slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
    {
        Vector512<T> x2 = x * x;
        Vector512<T> s = FastMath.SigmoidOperator<T>.Invoke(x * (Vector512.Create(Linear) + Vector512.Create(Cubic) * x2));
        Vector512<T> slope = Vector512.Create(Linear) + Vector512.Create(T.CreateChecked(3) * Cubic) * x2;
        return d * (s + x * s * (Vector512<T>.One - s) * slope);
    }
}
