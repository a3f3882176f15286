using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Activations
{
    // The generated one-sample path holds each layer's outputs in registers of one width and applies
    // the activation there. These forms take the activation as a constant of the generated code, so
    // that, inlined, the switch folds to the one function it names.

    /// <summary>
    /// The activation f of one value: the scalar form of the vector ones below, lane for lane the same.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, which spans a row (see <see cref="SoftmaxOne{T}(Vector128{T}, ReadOnlySpan{T})"/>), or no activation at all.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T>(T x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T> => activation switch
    {
        Activation.Identity => x,
        Activation.Sigmoid => FastMath.SigmoidOperator<T>.Invoke(x),
        Activation.Tanh => FastMath.TanhOperator<T>.Invoke(x),
        Activation.ReLU => ReLUOperator<T>.Invoke(x),
        Activation.LeakyReLU => LeakyReLUOperator<T>.Invoke(x),
        _ => ThrowNotElementwise<T>(activation),
    };

    /// <summary>The activation f of each lane of a layer's outputs held in a register.</summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, which spans a row, or no activation at all.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Apply<T>(Vector128<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector128<T>, Width128<T>>(x, activation);

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Apply<T>(Vector256<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector256<T>, Width256<T>>(x, activation);

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Apply<T>(Vector512<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector512<T>, Width512<T>>(x, activation);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Apply<T, TVector, TWidth>(TVector x, Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector> => activation switch
    {
        Activation.Identity => x,
        Activation.Sigmoid => TWidth.Apply<FastMath.SigmoidOperator<T>>(x),
        Activation.Tanh => TWidth.Apply<FastMath.TanhOperator<T>>(x),
        Activation.ReLU => TWidth.Apply<ReLUOperator<T>>(x),
        Activation.LeakyReLU => TWidth.Apply<LeakyReLUOperator<T>>(x),
        _ => ThrowNotElementwise<TVector>(activation),
    };

    /// <summary>
    /// Softmax of one row that fits one register: <c>e^(v[j] − m) / Σₖ e^(v[k] − m)</c> on the row's
    /// lanes, 0 on the lanes past it.
    /// </summary>
    /// <param name="row">The row, as a vector whose lanes from <c>stored.Length</c> on are ignored.</param>
    /// <param name="stored">The same row in memory, read only in the rare case that its maximum is needed.</param>
    /// <exception cref="ArgumentException"><paramref name="stored"/> is empty or longer than a vector.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SoftmaxOne<T>(Vector128<T> row, ReadOnlySpan<T> stored) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.RowFitsVector(stored.Length, Vector128<T>.Count, nameof(stored));
        return SoftmaxOne<T, Vector128<T>, Width128<T>>(row, ref MemoryMarshal.GetReference(stored), stored.Length);
    }

    /// <inheritdoc cref="SoftmaxOne{T}(Vector128{T}, ReadOnlySpan{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SoftmaxOne<T>(Vector256<T> row, ReadOnlySpan<T> stored) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.RowFitsVector(stored.Length, Vector256<T>.Count, nameof(stored));
        return SoftmaxOne<T, Vector256<T>, Width256<T>>(row, ref MemoryMarshal.GetReference(stored), stored.Length);
    }

    /// <inheritdoc cref="SoftmaxOne{T}(Vector128{T}, ReadOnlySpan{T})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SoftmaxOne<T>(Vector512<T> row, ReadOnlySpan<T> stored) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.RowFitsVector(stored.Length, Vector512<T>.Count, nameof(stored));
        return SoftmaxOne<T, Vector512<T>, Width512<T>>(row, ref MemoryMarshal.GetReference(stored), stored.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TResult ThrowNotElementwise<TResult>(Activation activation) =>
        throw new ArgumentException(activation == Activation.Softmax
            ? "Softmax spans a whole row: apply it with SoftmaxOne or Softmax."
            : $"{activation} is not an activation: expected Identity, Sigmoid, Tanh, ReLU or LeakyReLU.", nameof(activation));
}
