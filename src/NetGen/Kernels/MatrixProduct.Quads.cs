using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

internal static partial class MatrixProduct
{
    /// <summary>Rows of C that one block of quads sums together (see <see cref="MultiplyQuads"/>).</summary>
    private const int QuadRows = 8;

    /// <summary>Steps of the depth that one broadcast of A carries: a 128-bit quarter of a 512-bit vector of floats.</summary>
    private const int QuadDepth = 4;

    /// <summary>Columns that one block of quads sums: three 512-bit vectors of four columns by <see cref="QuadDepth"/> steps.</summary>
    private const int QuadColumns = 12;

    /// <summary>Floats of B's packed quads for one <see cref="QuadDepth"/> steps of the depth: three vectors.</summary>
    private const int QuadLength = 3 * 16;

    /// <summary>
    /// Whether the columns past the last whole 512-bit vector of floats run as quads (<see cref="MultiplyQuads"/>): on a
    /// core with two full-width FMA pipes, where A's rows run along the depth (a forward product), for a block of rows
    /// at least, and where they do not run as octets (<see cref="TakesOctets"/>, asked first).
    /// </summary>
    /// <remarks>
    /// Read along B's rows, as the wider columns are, each multiply-add of a column block one vector wide takes a
    /// broadcast of A, and nine loads for eight multiply-adds held it to one multiply-add a cycle (1024 -> 10 at batch
    /// 16: 7.6 us, 39-46% of the FMA peak in a loop of its own). Read as dot products along A's rows, each of
    /// twenty multiply-adds took nine whole lines, beyond L1 for a deep layer, and B's columns had to be copied one
    /// element at a time (10.7 us at batch 16, 20.2 at 64).
    /// </remarks>
    private static bool TakesQuads<T>(nint aDepthStride, int rows, int columns) where T : unmanaged =>
        typeof(T) == typeof(float) && VectorPipes.FullWidthVector512 && Avx512F.IsSupported && aDepthStride == 1
        && rows >= QuadRows && columns % Vector512<T>.Count != 0;

    /// <summary>
    /// Columns <paramref name="start"/> to <paramref name="columns"/>, fewer than one 512-bit vector, in blocks of
    /// <see cref="QuadColumns"/>: B's columns are packed four steps of the depth at a time, each vector holding four
    /// columns by four steps (<see cref="PackQuads"/>), so that one 128-bit broadcast of A's four values feeds a
    /// multiply-add with each of three vectors. Eight rows by three vectors make 24 sums and eleven loads for 24
    /// multiply-adds (<see cref="Quads8x3"/>); each sum's four steps are added at the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MultiplyQuads(ref float a, nint aRowStride, ref float b, ref float c, ref float init, bool hasInit,
        int rows, int columns, int depth, int start)
    {
        int quads = (depth + QuadDepth - 1) / QuadDepth;
        Span<float> packedQuads = PanelBuffer<float>.For(quads * QuadLength);
        // A's rows end within their last four steps of depth when the depth is not a multiple of four (CopyRowEnds).
        float* tails = stackalloc float[QuadRows * QuadDepth];
        fixed (float* aStart = &a, bStart = &b, cStart = &c, initStart = &init, packed = packedQuads)
        {
            for (int first = start; first < columns; first += QuadColumns)
            {
                int count = Math.Min(QuadColumns, columns - first);
                Vector512<float> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();
                PackQuads(bStart + first, columns, depth, lanes, packed);
                Vector512<float> bias = hasInit ? Avx512F.MaskLoad(initStart + first, lanes, Vector512<float>.Zero)
                    : Vector512<float>.Zero;
                for (int r = 0; r < rows; r += QuadRows)
                {
                    // The last block ends at the last row, computing again, bit for bit, rows the block before it computed.
                    int row = Math.Min(r, rows - QuadRows);
                    float* aRows = aStart + row * aRowStride;
                    float* tailRows = CopyRowEnds(aRows, aRowStride, QuadRows, depth, QuadDepth, tails);
                    Quads8x3(aRows, aRowStride, packed, depth / QuadDepth, tailRows, bias, lanes,
                        cStart + row * columns + first, columns);
                }
            }
        }
    }

    /// <summary>
    /// B's columns from <paramref name="b"/> on (those <paramref name="lanes"/> marks, up to <see cref="QuadColumns"/>),
    /// four rows at a time, into three vectors a quad: lane <c>4·c + d</c> of vector <c>v</c> holds
    /// <c>B[4·q + d, 4·v + c]</c>, zero past the columns and past the depth.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackQuads(float* b, nint columns, int depth, Vector512<float> lanes, float* packed)
    {
        // For each vector v, lane 4c + d takes row d's column 4v + c: rows 0 and 1 from one two-table permute, rows 2
        // and 3 from another, and a blend by the lane's row.
        Vector512<int> even0 = Vector512.Create(0, 16, 0, 16, 1, 17, 1, 17, 2, 18, 2, 18, 3, 19, 3, 19);
        Vector512<int> even1 = even0 + Vector512.Create(4), even2 = even0 + Vector512.Create(8);
        Vector512<float> lastTwo = Vector512.Equals(Vector512<int>.Indices & Vector512.Create(2), Vector512.Create(2)).AsSingle();
        int whole = depth / QuadDepth;
        nint stride = QuadDepth * columns;
        float* row = b;
        for (int q = 0; q < whole; q++)
        {
            Vector512<float> r0 = Avx512F.MaskLoad(row, lanes, Vector512<float>.Zero);
            Vector512<float> r1 = Avx512F.MaskLoad(row + columns, lanes, Vector512<float>.Zero);
            Vector512<float> r2 = Avx512F.MaskLoad(row + 2 * columns, lanes, Vector512<float>.Zero);
            Vector512<float> r3 = Avx512F.MaskLoad(row + 3 * columns, lanes, Vector512<float>.Zero);
            StoreQuad(r0, r1, r2, r3, even0, even1, even2, lastTwo, packed);
            packed += QuadLength;
            row += stride;
        }
        int tail = depth - whole * QuadDepth;
        if (tail > 0)
        {
            Vector512<float> r0 = Avx512F.MaskLoad(row, lanes, Vector512<float>.Zero);
            Vector512<float> r1 = tail > 1 ? Avx512F.MaskLoad(row + columns, lanes, Vector512<float>.Zero) : Vector512<float>.Zero;
            Vector512<float> r2 = tail > 2 ? Avx512F.MaskLoad(row + 2 * columns, lanes, Vector512<float>.Zero) : Vector512<float>.Zero;
            StoreQuad(r0, r1, r2, Vector512<float>.Zero, even0, even1, even2, lastTwo, packed);
        }
    }

    /// <summary>Four rows of B's columns, <paramref name="r0"/> to <paramref name="r3"/>, as one quad's three vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreQuad(Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
        Vector512<int> even0, Vector512<int> even1, Vector512<int> even2, Vector512<float> lastTwo, float* packed)
    {
        Vector512.Store(Vector512.ConditionalSelect(lastTwo, Avx512F.PermuteVar16x32x2(r2, even0, r3), Avx512F.PermuteVar16x32x2(r0, even0, r1)), packed);
        Vector512.Store(Vector512.ConditionalSelect(lastTwo, Avx512F.PermuteVar16x32x2(r2, even1, r3), Avx512F.PermuteVar16x32x2(r0, even1, r1)), packed + 16);
        Vector512.Store(Vector512.ConditionalSelect(lastTwo, Avx512F.PermuteVar16x32x2(r2, even2, r3), Avx512F.PermuteVar16x32x2(r0, even2, r1)), packed + 32);
    }

    /// <summary>
    /// Eight rows of A by a block of packed quads: 24 sums, each four columns by four steps of the depth, from
    /// <paramref name="quads"/> whole quads and then, when <paramref name="tailRows"/> is not null, one more from its
    /// eight zero-padded quads of A. Each row's sums are then added step into step and stored with
    /// <paramref name="bias"/> in the columns <paramref name="lanes"/> marks.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Quads8x3(float* a, nint aRowStride, float* packed, int quads, float* tailRows, Vector512<float> bias,
        Vector512<float> lanes, float* c, nint columns)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        Vector512<float> c40 = default, c41 = default, c42 = default, c50 = default, c51 = default, c52 = default;
        Vector512<float> c60 = default, c61 = default, c62 = default, c70 = default, c71 = default, c72 = default;
        float* a0 = a, a4 = a + 4 * aRowStride;
        nint s1 = aRowStride;
        while (true)
        {
            nint s2 = 2 * s1, s3 = 3 * s1;
            for (int q = 0; q < quads; q++)
            {
                Vector512<float> b0 = Vector512.Load(packed), b1 = Vector512.Load(packed + 16), b2 = Vector512.Load(packed + 32);
                Vector512<float> x = Avx512F.BroadcastVector128ToVector512(a0);
                c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01); c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
                x = Avx512F.BroadcastVector128ToVector512(a0 + s1);
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11); c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
                x = Avx512F.BroadcastVector128ToVector512(a0 + s2);
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21); c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
                x = Avx512F.BroadcastVector128ToVector512(a0 + s3);
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31); c32 = Vector512.FusedMultiplyAdd(x, b2, c32);
                x = Avx512F.BroadcastVector128ToVector512(a4);
                c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41); c42 = Vector512.FusedMultiplyAdd(x, b2, c42);
                x = Avx512F.BroadcastVector128ToVector512(a4 + s1);
                c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51); c52 = Vector512.FusedMultiplyAdd(x, b2, c52);
                x = Avx512F.BroadcastVector128ToVector512(a4 + s2);
                c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61); c62 = Vector512.FusedMultiplyAdd(x, b2, c62);
                x = Avx512F.BroadcastVector128ToVector512(a4 + s3);
                c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71); c72 = Vector512.FusedMultiplyAdd(x, b2, c72);
                packed += QuadLength;
                a0 += QuadDepth;
                a4 += QuadDepth;
            }
            if (tailRows == null)
                break;
            // Once more, for the last partial quad of depth, from the zero-padded copies of the rows' ends.
            quads = 1;
            a0 = tailRows;
            a4 = tailRows + 4 * QuadDepth;
            s1 = QuadDepth;
            tailRows = null;
        }
        Avx512F.MaskStore(c, lanes, bias + QuadSums(c00, c01, c02));
        Avx512F.MaskStore(c + columns, lanes, bias + QuadSums(c10, c11, c12));
        Avx512F.MaskStore(c + 2 * columns, lanes, bias + QuadSums(c20, c21, c22));
        Avx512F.MaskStore(c + 3 * columns, lanes, bias + QuadSums(c30, c31, c32));
        Avx512F.MaskStore(c + 4 * columns, lanes, bias + QuadSums(c40, c41, c42));
        Avx512F.MaskStore(c + 5 * columns, lanes, bias + QuadSums(c50, c51, c52));
        Avx512F.MaskStore(c + 6 * columns, lanes, bias + QuadSums(c60, c61, c62));
        Avx512F.MaskStore(c + 7 * columns, lanes, bias + QuadSums(c70, c71, c72));
    }

    /// <summary>
    /// One row's three vectors of quad sums as its twelve columns: lane k of the result adds lanes <c>4·(k mod 4)</c> to
    /// <c>4·(k mod 4) + 3</c> of vector <c>k / 4</c>, the four steps of the depth of column k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> QuadSums(Vector512<float> s0, Vector512<float> s1, Vector512<float> s2)
    {
        Vector512<int> pairs = Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14);
        Vector512<int> halves = Vector512.Create(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
        s0 += Vector512.Shuffle(s0, pairs);
        s1 += Vector512.Shuffle(s1, pairs);
        s2 += Vector512.Shuffle(s2, pairs);
        s0 += Vector512.Shuffle(s0, halves);
        s1 += Vector512.Shuffle(s1, halves);
        s2 += Vector512.Shuffle(s2, halves);
        // Every lane of a group of four now holds its column's sum: the first of each, in column order.
        Vector512<float> firstEight = Avx512F.PermuteVar16x32x2(s0, Vector512.Create(0, 4, 8, 12, 16, 20, 24, 28, 0, 0, 0, 0, 0, 0, 0, 0), s1);
        return Avx512F.PermuteVar16x32x2(firstEight, Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 16, 20, 24, 28, 0, 0, 0, 0), s2);
    }

    /// <summary>
    /// The last <c>depth mod steps</c> values of each of <paramref name="rows"/> rows of A, each into <paramref name="steps"/>
    /// values of <paramref name="ends"/> padded with zeros, which it returns; null, with nothing copied, when the depth is
    /// a multiple of the steps. A block reads a row's last, partial group of steps from this copy: reading on in A would
    /// take the next row's first values (or pass A's end), which B's packed zeros do not cancel when one is infinite or NaN.
    /// </summary>
    private static unsafe float* CopyRowEnds(float* aRows, nint aRowStride, int rows, int depth, int steps, float* ends)
    {
        int tail = depth % steps;
        if (tail == 0)
            return null;
        new Span<float>(ends, rows * steps).Clear();
        for (int k = 0; k < rows; k++)
            new ReadOnlySpan<float>(aRows + k * aRowStride + depth - tail, tail).CopyTo(new Span<float>(ends + k * steps, tail));
        return ends;
    }
}
