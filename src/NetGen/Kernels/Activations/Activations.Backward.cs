using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class Activations
{
    /// <summary>
    /// <c>d = d·f′</c> for each value, the chain rule through an element-wise <paramref name="activation"/>
    /// f (with its default argument) whose derivative reads its output <paramref name="outputs"/> alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<T>(ReadOnlySpan<T> outputs, Span<T> d, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Backward(outputs, d, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary><c>d = d·f′</c> for each value, as <see cref="Backward{T}(ReadOnlySpan{T}, Span{T}, Activation)"/>, with the activation's <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax (see <see cref="SoftmaxBackward{T}"/>), or its derivative needs the pre-activation.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<T>(ReadOnlySpan<T> outputs, Span<T> d, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(d, outputs.Length, nameof(d));
        var call = new BackwardCall<T>(default, outputs, d, argument);
        ActivationDispatch.Run<T, BackwardCall<T>, bool>(activation, ref call);
    }

    /// <summary>
    /// <c>d = d·f′(x)</c> for each value, the chain rule through an element-wise <paramref name="activation"/>
    /// f (with its default argument) from the pre-activations x the layer kept and its outputs <c>y = f(x)</c>:
    /// the form for an activation whose derivative reads x (<see cref="DerivativeSource.PreActivation"/>),
    /// and valid for any other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<T>(ReadOnlySpan<T> preActivations, ReadOnlySpan<T> outputs, Span<T> d, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Backward(preActivations, outputs, d, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary><c>d = d·f′(x)</c> for each value, as <see cref="Backward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Activation)"/>, with the activation's <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="activation"/> is Softmax (see <see cref="SoftmaxBackward{T}"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Backward<T>(ReadOnlySpan<T> preActivations, ReadOnlySpan<T> outputs, Span<T> d, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(preActivations, d.Length, nameof(preActivations));
        Checks.Length(d, outputs.Length, nameof(d));
        var call = new BackwardCall<T>(preActivations, outputs, d, argument);
        ActivationDispatch.Run<T, BackwardCall<T>, bool>(activation, ref call);
    }

    /// <summary>
    /// <c>d[s, j] = a[s, j]·(d[s, j] − Σₖ a[s, k]·d[s, k])</c>, the softmax Jacobian applied to each row
    /// (used when Softmax meets a loss other than CrossEntropy).
    /// </summary>
    public static void SoftmaxBackward<T>(ReadOnlySpan<T> a, Span<T> d, int batch, int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(a, batch * size, nameof(a));
        Checks.Length(d, batch * size, nameof(d));
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> aRow = a.Slice(s * size, size);
            Span<T> dRow = d.Slice(s * size, size);
            T dot = TensorPrimitives.Dot(aRow, dRow);
            TensorPrimitives.Subtract(dRow, dot, dRow);
            TensorPrimitives.Multiply(dRow, aRow, dRow);
        }
    }
}
