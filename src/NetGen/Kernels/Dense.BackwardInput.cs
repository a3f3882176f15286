using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The gradient at a dense layer's input, overwritten: <c>dx[s, i] = Σₒ w[i, o]·dz[s, o]</c>.
    /// </summary>
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
        int width = Vector<T>.Count;
        for (int s = 0; s < batch; s++)
        {
            ref T dzs = ref Unsafe.Add(ref dzRef, s * outSize);
            for (int i = 0; i < inSize; i++)
            {
                ref T wi = ref Unsafe.Add(ref wRef, i * outSize);
                Vector<T> a = Vector<T>.Zero;
                int o = 0;
                for (; o <= outSize - width; o += width)
                    a += Vector.LoadUnsafe(ref wi, (nuint)o) * Vector.LoadUnsafe(ref dzs, (nuint)o);
                T sum = Vector.Sum(a);
                for (; o < outSize; o++)
                    sum += Unsafe.Add(ref wi, o) * Unsafe.Add(ref dzs, o);
                Unsafe.Add(ref dxRef, s * inSize + i) = sum;
            }
        }
    }
}
