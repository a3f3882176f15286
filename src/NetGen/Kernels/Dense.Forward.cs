using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Matrix kernels of a dense layer. Weights are input-major, <c>w[i, o]</c> at <c>i·outSize + o</c>,
/// so that the forward product and the weight gradient run along contiguous output rows.
/// </summary>
public static partial class Dense
{
    /// <summary><c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c> for every sample s of the batch.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(bias, outSize, nameof(bias));
        Checks.Length(z, batch * outSize, nameof(z));

        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T bRef = ref MemoryMarshal.GetReference(bias);
        ref T zRef = ref MemoryMarshal.GetReference(z);
        int width = Vector<T>.Count;

        for (int s = 0; s < batch; s++)
        {
            ref T xs = ref Unsafe.Add(ref xRef, s * inSize);
            ref T zs = ref Unsafe.Add(ref zRef, s * outSize);
            int o = 0;
            // Four accumulators stay in registers across the whole input row.
            for (; o <= outSize - 4 * width; o += 4 * width)
            {
                Vector<T> a0 = Vector.LoadUnsafe(ref bRef, (nuint)o);
                Vector<T> a1 = Vector.LoadUnsafe(ref bRef, (nuint)(o + width));
                Vector<T> a2 = Vector.LoadUnsafe(ref bRef, (nuint)(o + 2 * width));
                Vector<T> a3 = Vector.LoadUnsafe(ref bRef, (nuint)(o + 3 * width));
                ref T wColumn = ref Unsafe.Add(ref wRef, o);
                for (int i = 0; i < inSize; i++)
                {
                    var xi = new Vector<T>(Unsafe.Add(ref xs, i));
                    ref T wi = ref Unsafe.Add(ref wColumn, i * outSize);
                    a0 += xi * Vector.LoadUnsafe(ref wi);
                    a1 += xi * Vector.LoadUnsafe(ref wi, (nuint)width);
                    a2 += xi * Vector.LoadUnsafe(ref wi, (nuint)(2 * width));
                    a3 += xi * Vector.LoadUnsafe(ref wi, (nuint)(3 * width));
                }
                a0.StoreUnsafe(ref zs, (nuint)o);
                a1.StoreUnsafe(ref zs, (nuint)(o + width));
                a2.StoreUnsafe(ref zs, (nuint)(o + 2 * width));
                a3.StoreUnsafe(ref zs, (nuint)(o + 3 * width));
            }
            for (; o <= outSize - width; o += width)
            {
                Vector<T> a = Vector.LoadUnsafe(ref bRef, (nuint)o);
                ref T wColumn = ref Unsafe.Add(ref wRef, o);
                for (int i = 0; i < inSize; i++)
                    a += new Vector<T>(Unsafe.Add(ref xs, i)) * Vector.LoadUnsafe(ref wColumn, (nuint)(i * outSize));
                a.StoreUnsafe(ref zs, (nuint)o);
            }
            for (; o < outSize; o++)
            {
                T a = Unsafe.Add(ref bRef, o);
                for (int i = 0; i < inSize; i++)
                    a += Unsafe.Add(ref xs, i) * Unsafe.Add(ref wRef, i * outSize + o);
                Unsafe.Add(ref zs, o) = a;
            }
        }
    }
}
