using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Activations
{
    /// <summary>
    /// Softmax of each row of a batch whose rows fit one vector, one vector a row through the in-register softmax of one sample,
    /// as a single sample's softmax is computed (float rows of 9 to 16, 16 rows at a time transposed, to the same bits:
    /// <see cref="SoftmaxColumns"/>); false where no accelerated width holds a row.
    /// </summary>
    private static bool SoftmaxShortRows<T>(Span<T> values, int batch, int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (TakesSoftmaxColumns<T>(batch, size))
        {
            Span<float> floats = MemoryMarshal.Cast<T, float>(values);
            int done = SoftmaxColumns(floats, batch, size);
            if (done < batch)
                SoftmaxRows<float, Vector512<float>, Width512<float>>(floats.Slice(done * size), batch - done, size);
            return true;
        }
        if (Vector128.IsHardwareAccelerated && size <= Vector128<T>.Count)
            SoftmaxRows<T, Vector128<T>, Width128<T>>(values, batch, size);
        else if (Vector256.IsHardwareAccelerated && size <= Vector256<T>.Count)
            SoftmaxRows<T, Vector256<T>, Width256<T>>(values, batch, size);
        else if (Vector512.IsHardwareAccelerated && size <= Vector512<T>.Count)
            SoftmaxRows<T, Vector512<T>, Width512<T>>(values, batch, size);
        else
            return false;
        return true;
    }

    /// <summary>Rows computed before any is written back: their results wait in a buffer of this many vectors.</summary>
    private const int SoftmaxGroup = 32;

    private static void SoftmaxRows<T, TVector, TWidth>(Span<T> values, int batch, int size)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        Span<T> results = stackalloc T[SoftmaxGroup * width];
        ref T result = ref MemoryMarshal.GetReference(results);
        ref T start = ref MemoryMarshal.GetReference(values);
        // Each row is read as a whole vector, the lanes past it belonging to the rows after, and its result goes to
        // the buffer; a group's rows are written back only once all of them are read. Written back at once, each
        // row's store would cover part of the next row's load, which then waits for the store to reach the cache:
        // that ran a 10-class batch at 118 cycles a row.
        for (int first = 0; first < batch; first += SoftmaxGroup)
        {
            int count = Math.Min(SoftmaxGroup, batch - first);
            ref T group = ref Unsafe.Add(ref start, first * size);
            int remaining = values.Length - first * size;
            int whole = remaining < width ? 0 : (remaining - width) / size + 1;
            for (int s = 0; s < count; s++)
            {
                ref T row = ref Unsafe.Add(ref group, s * size);
                TVector x;
                if (s < whole)
                    x = TWidth.Load(ref row, 0);
                else
                {
                    // A row whose vector would reach past the span is read through the buffer's slot.
                    Span<T> slot = results.Slice(s * width, width);
                    slot.Clear();
                    MemoryMarshal.CreateReadOnlySpan(ref row, size).CopyTo(slot);
                    x = TWidth.Load(ref result, s * width);
                }
                TWidth.Store(SoftmaxOne<T, TVector, TWidth>(x, ref row, size), ref result, s * width);
            }
            // Whole vectors while they end within the group (each overwritten in its tail by the next row's), then
            // the rest value by value.
            int wide = Math.Max(0, count - (width + size - 1) / size);
            for (int s = 0; s < wide; s++)
                TWidth.Store(TWidth.Load(ref result, s * width), ref Unsafe.Add(ref group, s * size), 0);
            for (int s = wide; s < count; s++)
                results.Slice(s * width, size).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref group, s * size), size));
        }
    }
}
