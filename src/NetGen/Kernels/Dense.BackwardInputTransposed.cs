using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The gradient at a dense layer's input, overwritten, from the weights transposed to [out, in]:
    /// <c>dx[s, i] = Σₒ dz[s, o]·wᵀ[o, i]</c>. With the weights transposed once per batch, this is a
    /// register-blocked product along contiguous input rows instead of a dot product per value.
    /// </summary>
    public static void BackwardInputTransposed<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> transposedWeights, Span<T> dx,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(transposedWeights, inSize * outSize, nameof(transposedWeights));
        Checks.Length(dx, batch * inSize, nameof(dx));
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        MatrixProduct.Multiply(ref dzRef, outSize, 1, ref MemoryMarshal.GetReference(transposedWeights),
            ref MemoryMarshal.GetReference(dx), ref dzRef, hasInit: false, batch, inSize, outSize);
    }
}
