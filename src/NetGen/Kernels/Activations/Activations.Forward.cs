using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>Activations applied in place over a batch of layer outputs, and the chain rule through them.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Activations
{
    /// <summary>
    /// <c>v = f(v)</c> for each value, with f an element-wise <paramref name="activation"/> taking its
    /// default argument (see <see cref="Forward{T}(Span{T}, Activation, T)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<T>(Span<T> values, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Forward(values, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary><c>v = f(v)</c> for each value, with f an element-wise <paramref name="activation"/> and its <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="activation"/> is Softmax, which spans a row (see <see cref="Softmax{T}(Span{T}, int, int)"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<T>(Span<T> values, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var call = new ForwardCall<T>(values, values, argument);
        ActivationDispatch.Run<T, ForwardCall<T>, bool>(activation, ref call);
    }

    /// <summary>
    /// <c>y = f(x)</c> for each value, out of place, so that a layer whose derivative reads its
    /// pre-activation keeps it: f an element-wise <paramref name="activation"/> taking its default argument.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<T>(ReadOnlySpan<T> preActivations, Span<T> outputs, Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Forward(preActivations, outputs, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary><c>y = f(x)</c> for each value, out of place, with the activation's <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="activation"/> is Softmax.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Forward<T>(ReadOnlySpan<T> preActivations, Span<T> outputs, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(preActivations, outputs.Length, nameof(preActivations));
        var call = new ForwardCall<T>(preActivations, outputs, argument);
        ActivationDispatch.Run<T, ForwardCall<T>, bool>(activation, ref call);
    }

    /// <summary>
    /// <c>v[s, j] = e^(v[s, j] − m) / Σₖ e^(v[s, k] − m)</c> for each row s of <paramref name="size"/>
    /// values, with m the row's maximum so that no exponent overflows; a row that fits one vector is shifted by
    /// its first value instead, and by its maximum only where that sum overflows, as one sample's softmax is.
    /// </summary>
    public static void Softmax<T>(Span<T> values, int batch, int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(values, batch * size, nameof(values));
        if (size >= ShortRow<T>())
        {
            for (int s = 0; s < batch; s++)
            {
                Span<T> row = values.Slice(s * size, size);
                T sum = ExponentiateShifted(row, row, RowMax(row));
                TensorPrimitives.Divide(row, sum, row);
            }
            return;
        }
        if (SoftmaxShortRows(values, batch, size))
            return;
        // A short row in one scalar pass each for the maximum, the exponentials and the division.
        for (int s = 0; s < batch; s++)
        {
            Span<T> row = values.Slice(s * size, size);
            T max = row[0];
            for (int j = 1; j < row.Length; j++)
                max = T.Max(max, row[j]);
            T total = T.Zero;
            for (int j = 0; j < row.Length; j++)
                total += row[j] = T.Exp(row[j] - max);
            for (int j = 0; j < row.Length; j++)
                row[j] /= total;
        }
    }

    /// <summary>The largest value of a row.</summary>
    internal static T RowMax<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (row.Length >= ShortRow<T>())
            return TensorPrimitives.Max(row);
        T max = row[0];
        for (int j = 1; j < row.Length; j++)
            max = T.Max(max, row[j]);
        return max;
    }

    /// <summary>Writes <c>e^(row − shift)</c> to <paramref name="destination"/> and returns its sum.</summary>
    internal static T ExponentiateShifted<T>(ReadOnlySpan<T> row, Span<T> destination, T shift) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (row.Length >= ShortRow<T>())
        {
            TensorPrimitives.Subtract(row, shift, destination);
            FastMath.Exp<T>(destination, destination);
            return TensorPrimitives.Sum<T>(destination);
        }
        T sum = T.Zero;
        for (int j = 0; j < row.Length; j++)
            sum += destination[j] = T.Exp(row[j] - shift);
        return sum;
    }

    // Below two vectors a row is cheaper in scalar code than in a series of vectorized passes.
    private static int ShortRow<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => 2 * Vector<T>.Count;
}
