using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The gradient at a dense layer's input, overwritten: <c>dx[s, i] = Σₒ w[i, o]·dz[s, o]</c>.
    /// </summary>
    /// <remarks>
    /// Runs at the runtime's preferred width, the size of <see cref="Vector{T}"/> (256 bits on AVX2 and, unless
    /// configured otherwise, on AVX-512 too): each sum is one vector of products accumulated along the
    /// outputs, its lanes added, then the outputs past the last whole vector one by one.
    /// </remarks>
    public static void BackwardInput<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> w, Span<T> dx,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(dx, batch * inSize, nameof(dx));

        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T dxRef = ref MemoryMarshal.GetReference(dx);
        // Vector<T>.Count is a JIT-time constant: one width is compiled.
        if (Vector<T>.Count == Vector512<T>.Count)
            BackwardInput<T, Vector512<T>, Width512<T>>(ref dzRef, ref wRef, ref dxRef, batch, inSize, outSize);
        else if (Vector<T>.Count == Vector256<T>.Count)
            BackwardInput<T, Vector256<T>, Width256<T>>(ref dzRef, ref wRef, ref dxRef, batch, inSize, outSize);
        else
            BackwardInput<T, Vector128<T>, Width128<T>>(ref dzRef, ref wRef, ref dxRef, batch, inSize, outSize);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardInput<T, TVector, TWidth>(ref T dzRef, ref T wRef, ref T dxRef, int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        for (int s = 0; s < batch; s++)
        {
            ref T dzs = ref Unsafe.Add(ref dzRef, s * outSize);
            for (int i = 0; i < inSize; i++)
            {
                ref T wi = ref Unsafe.Add(ref wRef, i * outSize);
                TVector a = TWidth.Zero;
                int o = 0;
                for (; o <= outSize - width; o += width)
                    a = TWidth.Add(a, TWidth.Multiply(TWidth.Load(ref wi, o), TWidth.Load(ref dzs, o)));
                T sum = TWidth.Sum(a);
                for (; o < outSize; o++)
                    sum += Unsafe.Add(ref wi, o) * Unsafe.Add(ref dzs, o);
                Unsafe.Add(ref dxRef, s * inSize + i) = sum;
            }
        }
    }
}
