using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The part of a dense layer's product that rows <paramref name="firstRow"/> to
    /// <paramref name="firstRow"/> + <paramref name="rowCount"/> − 1 of its weights contribute,
    /// overwritten: <c>z[s, o] = Σᵢ x[s, i]·w[i, o]</c> over those inputs i, without the bias.
    /// </summary>
    /// <remarks>
    /// Split by rows of the weights, a large layer's product runs on several threads, each reading only
    /// its own rows: the same rows whose gradient and optimizer step the same thread computes, so that
    /// no weight written on one core is read on another. <see cref="AddProducts{T}"/> joins the parts.
    /// </remarks>
    public static void ForwardRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> z,
        int batch, int inSize, int outSize, int firstRow, int rowCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.RowRange(firstRow, rowCount, inSize, nameof(firstRow));
        Checks.Length(z, batch * outSize, nameof(z));
        T zero = T.Zero;
        MatrixProduct.Multiply(ref Unsafe.Add(ref MemoryMarshal.GetReference(x), firstRow), inSize, 1,
            ref Unsafe.Add(ref MemoryMarshal.GetReference(w), firstRow * outSize),
            ref MemoryMarshal.GetReference(z), ref zero, hasInit: false, batch, outSize, rowCount);
    }

    /// <summary>
    /// A dense layer's pre-activation from the two parts of its product:
    /// <c>z[s, o] = (first[s, o] + second[s, o]) + bias[o]</c>.
    /// </summary>
    public static void AddProducts<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(first, batch * outSize, nameof(first));
        Checks.Length(second, batch * outSize, nameof(second));
        Checks.Length(bias, outSize, nameof(bias));
        Checks.Length(z, batch * outSize, nameof(z));
        TensorPrimitives.Add(first, second, z);
        for (int s = 0; s < batch; s++)
        {
            Span<T> row = z.Slice(s * outSize, outSize);
            TensorPrimitives.Add(row, bias, row);
        }
    }
}
