using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The parameter gradients of a dense layer, overwritten: <c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c>
    /// and <c>dBias[o] = Σₛ dz[s, o]</c>, where dz is the gradient at the layer's pre-activation.
    /// </summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> dw, Span<T> dBias,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        BackwardWeightRows(x, dz, dw, batch, inSize, outSize, 0, inSize);
        BackwardBias(dz, dBias, batch, outSize);
    }

    /// <summary>
    /// Rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + <paramref name="rowCount"/> − 1
    /// of a dense layer's weight gradient, overwritten: <c>dw[i − firstRow, o] = Σₛ x[s, i]·dz[s, o]</c>.
    /// </summary>
    /// <remarks>
    /// A block of rows is a contiguous range of the input-major gradient, and needs no other block: so
    /// that threads can each compute and use their own rows of one large gradient.
    /// </remarks>
    public static void BackwardWeightRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> dw,
        int batch, int inSize, int outSize, int firstRow, int rowCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.RowRange(firstRow, rowCount, inSize, nameof(firstRow));
        Checks.Length(dw, rowCount * outSize, nameof(dw));
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        // dW = Xᵀ·dZ: A is X read down its columns (row stride 1, depth stride inSize), no copy of Xᵀ.
        MatrixProduct.Multiply(ref Unsafe.Add(ref MemoryMarshal.GetReference(x), firstRow), 1, inSize, ref dzRef,
            ref MemoryMarshal.GetReference(dw), ref dzRef, hasInit: false, rowCount, outSize, batch);
    }

    /// <summary>A dense layer's bias gradient, overwritten: <c>dBias[o] = Σₛ dz[s, o]</c>.</summary>
    public static void BackwardBias<T>(ReadOnlySpan<T> dz, Span<T> dBias, int batch, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(dBias, outSize, nameof(dBias));
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        // dBias = 1ᵀ·dZ: a single row of ones, read with depth stride 0.
        T one = T.One;
        MatrixProduct.Multiply(ref one, 0, 0, ref dzRef,
            ref MemoryMarshal.GetReference(dBias), ref dzRef, hasInit: false, 1, outSize, batch);
    }
}
