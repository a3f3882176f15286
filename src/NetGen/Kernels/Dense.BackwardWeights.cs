using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

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

        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        ref T dwRef = ref MemoryMarshal.GetReference(dw);
        // A row of dw is reduced over the batch in registers and written once.
        for (int i = 0; i < inSize; i++)
            ReduceRows(ref Unsafe.Add(ref xRef, i), inSize, ref dzRef, ref Unsafe.Add(ref dwRef, i * outSize), batch, outSize);
        T one = T.One;
        ReduceRows(ref one, 0, ref dzRef, ref MemoryMarshal.GetReference(dBias), batch, outSize);
    }

    /// <summary><c>destination[o] = Σₛ scale[s·scaleStride]·rows[s, o]</c>.</summary>
    private static void ReduceRows<T>(ref T scale, int scaleStride, ref T rows, ref T destination, int batch, int size)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        int o = 0;
        for (; o <= size - 4 * width; o += 4 * width)
        {
            Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
            for (int s = 0; s < batch; s++)
            {
                var c = new Vector<T>(Unsafe.Add(ref scale, s * scaleStride));
                ref T row = ref Unsafe.Add(ref rows, s * size + o);
                a0 += c * Vector.LoadUnsafe(ref row);
                a1 += c * Vector.LoadUnsafe(ref row, (nuint)width);
                a2 += c * Vector.LoadUnsafe(ref row, (nuint)(2 * width));
                a3 += c * Vector.LoadUnsafe(ref row, (nuint)(3 * width));
            }
            a0.StoreUnsafe(ref destination, (nuint)o);
            a1.StoreUnsafe(ref destination, (nuint)(o + width));
            a2.StoreUnsafe(ref destination, (nuint)(o + 2 * width));
            a3.StoreUnsafe(ref destination, (nuint)(o + 3 * width));
        }
        for (; o <= size - width; o += width)
        {
            Vector<T> a = Vector<T>.Zero;
            for (int s = 0; s < batch; s++)
                a += new Vector<T>(Unsafe.Add(ref scale, s * scaleStride)) * Vector.LoadUnsafe(ref rows, (nuint)(s * size + o));
            a.StoreUnsafe(ref destination, (nuint)o);
        }
        for (; o < size; o++)
        {
            T a = T.Zero;
            for (int s = 0; s < batch; s++)
                a += Unsafe.Add(ref scale, s * scaleStride) * Unsafe.Add(ref rows, s * size + o);
            Unsafe.Add(ref destination, o) = a;
        }
    }
}
