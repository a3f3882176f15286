using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// <c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c> for a small layer whose input row fills one vector
    /// of an accelerated width (<see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> or
    /// <see cref="Vector512{T}"/>: 4, 8 or 16 floats, 2, 4 or 8 doubles): each output is a dot product
    /// along the row.
    /// </summary>
    /// <remarks>
    /// With few outputs there is no output vector to fill, so the product runs along the input instead:
    /// a sample's products for one output are one vector multiply, and four samples' sums come out of one
    /// tree of additions, <c>((p₀ + p₁) + (p₂ + p₃)) + ((p₄ + p₅) + (p₆ + p₇))</c>, horizontal additions
    /// where the width has them and the same tree lane by lane where not (see
    /// <see cref="TreeSums"/>). Rows outside groups of four (every row of
    /// a batch below four) sum left to right from the bias, as the layer's unrolled statements do, so a
    /// single sample's result does not depend on this kernel. Other input sizes take that scalar form
    /// throughout.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardVectorRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckLayer(x, w, bias, z, batch, inSize, outSize);
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T bRef = ref MemoryMarshal.GetReference(bias);
        ref T zRef = ref MemoryMarshal.GetReference(z);
        int groups = batch / 4 * 4;
        // The one place that picks the width: the one whose vector is the input row, where it is accelerated.
        if (Vector512.IsHardwareAccelerated && inSize == Vector512<T>.Count)
            ForwardVectorRowGroups<T, Vector512<T>, Width512<T>>(ref xRef, ref wRef, ref bRef, ref zRef, groups, outSize);
        else if (Vector256.IsHardwareAccelerated && inSize == Vector256<T>.Count)
            ForwardVectorRowGroups<T, Vector256<T>, Width256<T>>(ref xRef, ref wRef, ref bRef, ref zRef, groups, outSize);
        else if (Vector128.IsHardwareAccelerated && inSize == Vector128<T>.Count)
            ForwardVectorRowGroups<T, Vector128<T>, Width128<T>>(ref xRef, ref wRef, ref bRef, ref zRef, groups, outSize);
        else
            groups = 0;
        for (int s = groups; s < batch; s++)
        {
            ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
            for (int o = 0; o < outSize; o++)
            {
                T sum = Unsafe.Add(ref bRef, o);
                for (int i = 0; i < inSize; i++)
                    sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref wRef, (nint)i * outSize + o);
                Unsafe.Add(ref zRef, (nint)s * outSize + o) = sum;
            }
        }
    }

    /// <summary>The first <paramref name="groups"/> rows (a multiple of four) of <see cref="ForwardVectorRows{T}"/>, each row one vector of <typeparamref name="TWidth"/>.</summary>
    /// <remarks>
    /// Kept out of line, as <see cref="BackwardVectorRows{T, TActivation, TVector, TWidth}"/> is, so that
    /// a copy for each width does not take the inlining budget of the generated method that calls it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForwardVectorRowGroups<T, TVector, TWidth>(ref T xRef, ref T wRef, ref T bRef, ref T zRef, int groups, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int inSize = TWidth.Count;
        if (outSize == 2)
        {
            // Two outputs: both from one load of each row, and four samples' outputs stored as the rows
            // hold them, z[s, 0], z[s, 1], z[s + 1, 0], ….
            TVector c0 = Column<T, TVector, TWidth>(ref wRef, 0, inSize, outSize), c1 = Column<T, TVector, TWidth>(ref wRef, 1, inSize, outSize);
            T b0 = bRef, b1 = Unsafe.Add(ref bRef, 1);
            for (int s = 0; s < groups; s += 4)
            {
                ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
                TVector x0 = TWidth.Load(ref row, 0), x1 = TWidth.Load(ref row, inSize);
                TVector x2 = TWidth.Load(ref row, 2 * inSize), x3 = TWidth.Load(ref row, 3 * inSize);
                TreeSums.StorePairs<T, TVector, TWidth>(
                    TWidth.Multiply(x0, c0), TWidth.Multiply(x1, c0), TWidth.Multiply(x2, c0), TWidth.Multiply(x3, c0),
                    TWidth.Multiply(x0, c1), TWidth.Multiply(x1, c1), TWidth.Multiply(x2, c1), TWidth.Multiply(x3, c1),
                    b0, b1, ref Unsafe.Add(ref zRef, (nint)s * outSize));
            }
            return;
        }
        for (int o = 0; o < outSize; o++)
        {
            TVector c = Column<T, TVector, TWidth>(ref wRef, o, inSize, outSize);
            T b = Unsafe.Add(ref bRef, o);
            for (int s = 0; s < groups; s += 4)
            {
                ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
                TreeSums.Store<T, TVector, TWidth>(
                    TWidth.Multiply(TWidth.Load(ref row, 0), c), TWidth.Multiply(TWidth.Load(ref row, inSize), c),
                    TWidth.Multiply(TWidth.Load(ref row, 2 * inSize), c), TWidth.Multiply(TWidth.Load(ref row, 3 * inSize), c),
                    b, ref Unsafe.Add(ref zRef, (nint)s * outSize + o), outSize);
            }
        }
    }

    /// <summary>Column <paramref name="o"/> of input-major weights, <c>w[i, o]</c> for each input i, as one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Column<T, TVector, TWidth>(ref T w, int o, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector column = TWidth.Zero;
        for (int i = 0; i < inSize; i++)
            column = TWidth.WithElement(column, i, Unsafe.Add(ref w, (nint)i * outSize + o));
        return column;
    }
}
