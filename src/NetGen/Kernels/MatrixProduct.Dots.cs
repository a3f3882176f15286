using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

internal static partial class MatrixProduct
{
    /// <summary>Rows of C that one dot block sums together (see <see cref="MultiplyDots"/>).</summary>
    private const int DotRows = 4;

    /// <summary>Columns of C that one dot block sums together: with <see cref="DotRows"/>, 20 sums in flight and 9 loads for their 20 multiply-adds.</summary>
    private const int DotColumns = 5;

    /// <summary>
    /// The fewest rows for which the dot products repay copying B's columns into rows: a 256 -> 10 layer took 5.7 instead
    /// of 7.3 us at batch 64, as long at batch 32 (3.9 us), and 3.1 instead of 2.1 us at batch 16.
    /// </summary>
    private const int DotProductRows = 64;

    /// <summary>
    /// Whether the columns past the last whole 512-bit vector of floats run as dot products (<see cref="MultiplyDots"/>):
    /// on a core with two full-width FMA pipes, where A's rows run along the depth (a forward product), with
    /// <see cref="DotProductRows"/> rows and a vector of depth at least.
    /// </summary>
    /// <remarks>
    /// Along B's rows, as the wider columns run, each multiply-add needs a broadcast of A, and a 10-wide output layer
    /// filled 10 of a vector's 16 lanes: 256 -> 10 at batch 256 took 28 us, a fifth of the FMA peak, and 16 us as dot
    /// products, where every lane counts and each load serves four or five multiply-adds.
    /// </remarks>
    private static bool TakesDots<T>(nint aDepthStride, int rows, int columns, int depth) where T : unmanaged =>
        typeof(T) == typeof(float) && VectorPipes.FullWidthVector512 && aDepthStride == 1 && rows >= DotProductRows
        && depth >= Vector512<T>.Count && columns % Vector512<T>.Count != 0;

    /// <summary>
    /// Columns <paramref name="start"/> to <paramref name="columns"/>, fewer than one 512-bit vector, as dot products of
    /// A's rows with B's columns: B's columns are copied into contiguous rows (Bᵀ, zero-padded to whole blocks of
    /// columns and whole vectors of depth), and each block of <see cref="DotRows"/> rows by <see cref="DotColumns"/>
    /// columns sums vectors of products along the depth, then each sum's lanes (<see cref="TreeSums"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyDots<T>(ref T a, nint aRowStride, ref T b, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int start)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count, count = columns - start;
        int wholeVectors = depth / width, tail = depth - wholeVectors * width;
        int rowLength = (wholeVectors + (tail > 0 ? 1 : 0)) * width;
        int groups = (count + DotColumns - 1) / DotColumns;
        Span<T> transposed = PanelBuffer<T>.For(groups * DotColumns * rowLength);
        ref T bt = ref MemoryMarshal.GetReference(transposed);
        // Each row of Bᵀ is its column of B, then zeros to the whole vector; the rows past the last column, zeros.
        for (int j = 0; j < count; j++)
        {
            CopyColumn(ref Unsafe.Add(ref b, start + j), columns, ref Unsafe.Add(ref bt, (nint)j * rowLength), depth);
            transposed.Slice(j * rowLength + depth, rowLength - depth).Clear();
        }
        transposed.Slice(count * rowLength).Clear();
        // A's rows end within their last vector of depth: a block reads that vector from a copy padded with zeros, since
        // a load past the row would read the next row's first inputs (or past A), which Bᵀ's zeros do not cancel when
        // one is infinite or NaN.
        Span<T> tails = stackalloc T[DotRows * width];
        tails.Clear();
        ref T tailRows = ref MemoryMarshal.GetReference(tails);
        Span<T> biases = stackalloc T[groups * DotColumns];
        biases.Clear();
        if (hasInit)
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref init, start), count).CopyTo(biases);
        ref T bias = ref MemoryMarshal.GetReference(biases);
        ref T cStart = ref Unsafe.Add(ref c, start);
        for (int r = 0; r < rows; r += DotRows)
        {
            // The last block ends at the last row, computing again, bit for bit, rows the block before it computed.
            int first = Math.Min(r, rows - DotRows);
            ref T aRows = ref Unsafe.Add(ref a, first * aRowStride);
            if (tail > 0)
            {
                for (int k = 0; k < DotRows; k++)
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref aRows, k * aRowStride + wholeVectors * width), tail)
                        .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref tailRows, k * width), tail));
            }
            for (int g = 0; g < groups; g++)
            {
                int j = g * DotColumns;
                Dot4x5(ref aRows, aRowStride, ref Unsafe.Add(ref bt, (nint)j * rowLength), rowLength, wholeVectors, tail > 0,
                    ref tailRows, ref Unsafe.Add(ref bias, j), ref Unsafe.Add(ref cStart, (nint)first * columns + j), columns,
                    Math.Min(DotColumns, count - j));
            }
        }
    }

    /// <summary>
    /// <c>row[p] = column[p·stride]</c> for p &lt; <paramref name="length"/>: one column of B into a row of Bᵀ, stored
    /// contiguously. Kept out of line: inlined, its pointers spilled to the stack and the copy of a 256 x 10 B took
    /// 5 us, longer than the product it served.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void CopyColumn<T>(ref T column, nint stride, ref T row, int length)
    {
        for (int p = 0; p < length; p++)
            Unsafe.Add(ref row, p) = Unsafe.Add(ref column, p * stride);
    }

    /// <summary>
    /// Four rows of A by five rows of Bᵀ: twenty sums of vectors of products along the depth, then the lanes of each, plus
    /// its column's bias, stored in C for the first <paramref name="stored"/> columns. When <paramref name="hasTail"/>,
    /// the rows' last, partial vector of depth comes from <paramref name="tailRows"/>: four zero-padded vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x5<T>(ref T a, nint aRowStride, ref T bt, nint btStride, int wholeVectors, bool hasTail, ref T tailRows,
        ref T bias, ref T c, nint columns, int stored)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default, c24 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default, c33 = default, c34 = default;
        ref T a0 = ref a, a1 = ref Unsafe.Add(ref a, aRowStride), a2 = ref Unsafe.Add(ref a, 2 * aRowStride), a3 = ref Unsafe.Add(ref a, 3 * aRowStride);
        nint aStep = width;
        int vectors = wholeVectors;
        while (true)
        {
            for (int v = 0; v < vectors; v++)
            {
                Vector512<T> x0 = Width512<T>.Load(ref a0, 0), x1 = Width512<T>.Load(ref a1, 0);
                Vector512<T> x2 = Width512<T>.Load(ref a2, 0), x3 = Width512<T>.Load(ref a3, 0);
                Vector512<T> w = Width512<T>.Load(ref bt, 0);
                c00 = Width512<T>.MultiplyAdd(x0, w, c00); c10 = Width512<T>.MultiplyAdd(x1, w, c10);
                c20 = Width512<T>.MultiplyAdd(x2, w, c20); c30 = Width512<T>.MultiplyAdd(x3, w, c30);
                w = Width512<T>.Load(ref bt, btStride);
                c01 = Width512<T>.MultiplyAdd(x0, w, c01); c11 = Width512<T>.MultiplyAdd(x1, w, c11);
                c21 = Width512<T>.MultiplyAdd(x2, w, c21); c31 = Width512<T>.MultiplyAdd(x3, w, c31);
                w = Width512<T>.Load(ref bt, 2 * btStride);
                c02 = Width512<T>.MultiplyAdd(x0, w, c02); c12 = Width512<T>.MultiplyAdd(x1, w, c12);
                c22 = Width512<T>.MultiplyAdd(x2, w, c22); c32 = Width512<T>.MultiplyAdd(x3, w, c32);
                w = Width512<T>.Load(ref bt, 3 * btStride);
                c03 = Width512<T>.MultiplyAdd(x0, w, c03); c13 = Width512<T>.MultiplyAdd(x1, w, c13);
                c23 = Width512<T>.MultiplyAdd(x2, w, c23); c33 = Width512<T>.MultiplyAdd(x3, w, c33);
                w = Width512<T>.Load(ref bt, 4 * btStride);
                c04 = Width512<T>.MultiplyAdd(x0, w, c04); c14 = Width512<T>.MultiplyAdd(x1, w, c14);
                c24 = Width512<T>.MultiplyAdd(x2, w, c24); c34 = Width512<T>.MultiplyAdd(x3, w, c34);
                a0 = ref Unsafe.Add(ref a0, aStep); a1 = ref Unsafe.Add(ref a1, aStep);
                a2 = ref Unsafe.Add(ref a2, aStep); a3 = ref Unsafe.Add(ref a3, aStep);
                bt = ref Unsafe.Add(ref bt, width);
            }
            if (!hasTail)
                break;
            // Once more, for the last partial vector of depth, from the zero-padded copies of the rows' ends.
            hasTail = false;
            vectors = 1;
            a0 = ref tailRows;
            a1 = ref Unsafe.Add(ref tailRows, width);
            a2 = ref Unsafe.Add(ref tailRows, 2 * width);
            a3 = ref Unsafe.Add(ref tailRows, 3 * width);
        }
        TreeSums.Store<T, Vector512<T>, Width512<T>>(c00, c10, c20, c30, bias, ref c, columns);
        if (stored > 1)
            TreeSums.Store<T, Vector512<T>, Width512<T>>(c01, c11, c21, c31, Unsafe.Add(ref bias, 1), ref Unsafe.Add(ref c, 1), columns);
        if (stored > 2)
            TreeSums.Store<T, Vector512<T>, Width512<T>>(c02, c12, c22, c32, Unsafe.Add(ref bias, 2), ref Unsafe.Add(ref c, 2), columns);
        if (stored > 3)
            TreeSums.Store<T, Vector512<T>, Width512<T>>(c03, c13, c23, c33, Unsafe.Add(ref bias, 3), ref Unsafe.Add(ref c, 3), columns);
        if (stored > 4)
            TreeSums.Store<T, Vector512<T>, Width512<T>>(c04, c14, c24, c34, Unsafe.Add(ref bias, 4), ref Unsafe.Add(ref c, 4), columns);
    }
}
