using System;
using System.Numerics;
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
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(dw, inSize * outSize, nameof(dw));
        Checks.Length(dBias, outSize, nameof(dBias));
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        // dW = Xᵀ·dZ: A is X read down its columns (row stride 1, depth stride inSize), no copy of Xᵀ.
        MatrixProduct.Multiply(ref MemoryMarshal.GetReference(x), 1, inSize, ref dzRef,
            ref MemoryMarshal.GetReference(dw), ref dzRef, hasInit: false, inSize, outSize, batch);
        // dBias = 1ᵀ·dZ: a single row of ones, read with depth stride 0.
        T one = T.One;
        MatrixProduct.Multiply(ref one, 0, 0, ref dzRef,
            ref MemoryMarshal.GetReference(dBias), ref dzRef, hasInit: false, 1, outSize, batch);
    }
}
