using System.ComponentModel;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// One element-wise activation f as an operator struct, in the shape of TensorPrimitives' operators:
/// f, and the chain rule through it, at scalar, Vector128, Vector256 and Vector512, lane for lane the
/// same. <see cref="ActivationDispatch"/> is the one place an <see cref="Activation"/> names its struct.
/// </summary>
/// <remarks>
/// <para>
/// <c>argument</c> is the activation's one parameter where it has one (LeakyReLU's negative slope);
/// the others ignore it. Vector forms take it broadcast, so that a loop broadcasts it once.
/// </para>
/// <para>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IActivation<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>What <c>Backward</c> reads, and so what a layer keeps of its forward pass.</summary>
    static abstract DerivativeSource DerivativeSource { get; }

    /// <summary><c>f(x)</c>.</summary>
    static abstract T Forward(T x, T argument);

    /// <inheritdoc cref="Forward(T, T)"/>
    static abstract Vector128<T> Forward(Vector128<T> x, Vector128<T> argument);

    /// <inheritdoc cref="Forward(T, T)"/>
    static abstract Vector256<T> Forward(Vector256<T> x, Vector256<T> argument);

    /// <inheritdoc cref="Forward(T, T)"/>
    static abstract Vector512<T> Forward(Vector512<T> x, Vector512<T> argument);

    /// <summary>
    /// <c>d·f′(x)</c>, the gradient at the pre-activation from the gradient <paramref name="d"/> at the
    /// output: from the pre-activation <paramref name="x"/> (any value where <see cref="DerivativeSource"/> is
    /// <see cref="DerivativeSource.Output"/>, since the layer did not keep it: kernels pass zero or the output) and the output <c>y = f(x)</c>.
    /// </summary>
    static abstract T Backward(T x, T y, T d, T argument);

    /// <inheritdoc cref="Backward(T, T, T, T)"/>
    static abstract Vector128<T> Backward(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument);

    /// <inheritdoc cref="Backward(T, T, T, T)"/>
    static abstract Vector256<T> Backward(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument);

    /// <inheritdoc cref="Backward(T, T, T, T)"/>
    static abstract Vector512<T> Backward(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument);
}
