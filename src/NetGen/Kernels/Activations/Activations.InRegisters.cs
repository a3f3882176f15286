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
    /// The activation f of one value, with its default argument: the scalar form of the vector ones
    /// below, lane for lane the same.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, which spans a row (see <see cref="SoftmaxOne{T}(Vector128{T}, ReadOnlySpan{T})"/>), or no activation at all.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T>(T x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply(x, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary>The activation f of one value, with its <paramref name="argument"/>.</summary>
    /// <inheritdoc cref="Apply{T}(T, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T>(T x, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var call = new ScalarCall<T>(x, argument);
        return ActivationDispatch.Run<T, ScalarCall<T>, T>(activation, ref call);
    }

    /// <summary>The activation f of each lane of a layer's outputs held in a register, with its default argument.</summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, which spans a row, or no activation at all.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Apply<T>(Vector128<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector128<T>, Width128<T>>(x, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Apply<T>(Vector256<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector256<T>, Width256<T>>(x, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Apply<T>(Vector512<T> x, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector512<T>, Width512<T>>(x, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary>The activation f of each lane of a layer's outputs held in a register, with its <paramref name="argument"/>.</summary>
    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Apply<T>(Vector128<T> x, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector128<T>, Width128<T>>(x, activation, argument);

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation, T)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Apply<T>(Vector256<T> x, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector256<T>, Width256<T>>(x, activation, argument);

    /// <inheritdoc cref="Apply{T}(Vector128{T}, Activation, T)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Apply<T>(Vector512<T> x, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Vector512<T>, Width512<T>>(x, activation, argument);

    /// <summary>
    /// <c>d·f′</c> on each lane, the chain rule through an element-wise <paramref name="activation"/> f
    /// (with its default argument) whose derivative reads its output <paramref name="y"/> alone.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, or its derivative needs the pre-activation.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward<T>(Vector128<T> y, Vector128<T> d, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var call = new VectorBackwardCall<T, Vector128<T>, Width128<T>>(y, d, Vector128.Create(ActivationDispatch.DefaultArgument<T>(activation)));
        return ActivationDispatch.Run<T, VectorBackwardCall<T, Vector128<T>, Width128<T>>, Vector128<T>>(activation, ref call);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Apply<T, TVector, TWidth>(TVector x, Activation activation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        var call = new VectorCall<T, TVector, TWidth>(x, TWidth.Broadcast(argument));
        return ActivationDispatch.Run<T, VectorCall<T, TVector, TWidth>, TVector>(activation, ref call);
    }

    private readonly struct VectorBackwardCall<T, TVector, TWidth>(TVector y, TVector d, TVector argument) : IActivationCall<T, TVector>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Run<TActivation>() where TActivation : IActivation<T>
        {
            if (TActivation.DerivativeSource != DerivativeSource.Output)
                ThrowNeedsPreActivation(typeof(TActivation));
            return TWidth.Backward<TActivation>(TWidth.Zero, y, d, argument);
        }
    }

    private readonly struct ScalarCall<T>(T x, T argument) : IActivationCall<T, T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Run<TActivation>() where TActivation : IActivation<T> => TActivation.Forward(x, argument);
    }

    private readonly struct VectorCall<T, TVector, TWidth>(TVector x, TVector argument) : IActivationCall<T, TVector>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Run<TActivation>() where TActivation : IActivation<T> => TWidth.Forward<TActivation>(x, argument);
    }

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
}
