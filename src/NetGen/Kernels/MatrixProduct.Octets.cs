using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

internal static partial class MatrixProduct
{
    /// <summary>Rows of C that one block of octets sums together (see <see cref="MultiplyOctets"/>).</summary>
    private const int OctetRows = 4;

    /// <summary>Steps of the depth that one broadcast of A carries: a 256-bit half of a 512-bit vector of floats.</summary>
    private const int OctetDepth = 8;

    /// <summary>The fewest and the most columns past the last whole 512-bit vector that run as octets.</summary>
    private const int FewestOctetColumns = 7, MostOctetColumns = 12;

    /// <summary>
    /// Whether the columns past the last whole 512-bit vector of floats run as octets (<see cref="MultiplyOctets"/>)
    /// rather than quads (<see cref="TakesQuads"/>): where they are 7 to 12, which quads sum in three vectors of four
    /// columns whatever their number, and octets in as many vectors of two as they need, with no lane wasted for an
    /// even number. On a Zen 5 core (medians of ten rounds in turns in one process, its FMA peak 226-228 GFLOP/s), a
    /// 256 -> 10 layer at batch 256 took 6.65 us as octets against 7.60-7.84 as quads (86% of the peak against 74-76%,
    /// a sixth of the quads' multiply-adds on two padding columns), at batch 64 1.81 against 2.76, and 256 -> 8 at 256
    /// 5.45 against 6.40, 256 -> 12 7.70 against 8.70. Fewer columns would leave a block of four rows too few sums to
    /// keep both pipes busy (four rows by three vectors or fewer), and stay with quads.
    /// </summary>
    private static bool TakesOctets<T>(nint aDepthStride, int rows, int columns) where T : unmanaged =>
        typeof(T) == typeof(float) && VectorPipes.FullWidthVector512 && Avx512DQ.IsSupported && aDepthStride == 1
        && rows >= OctetRows && columns % Vector512<T>.Count is >= FewestOctetColumns and <= MostOctetColumns;

    /// <summary>Vectors of two columns that one step of octets holds: a JIT-time constant for each block's kernel.</summary>
    private interface IOctetVectors
    {
        static abstract int Count { get; }
    }

    private readonly struct FourOctets : IOctetVectors
    {
        public static int Count => 4;
    }

    private readonly struct FiveOctets : IOctetVectors
    {
        public static int Count => 5;
    }

    private readonly struct SixOctets : IOctetVectors
    {
        public static int Count => 6;
    }

    /// <summary>
    /// Columns <paramref name="start"/> to <paramref name="columns"/>, 7 to 12 of them, in blocks of <see cref="OctetRows"/>
    /// rows: B's columns are packed eight steps of the depth at a time, each vector holding two columns by eight steps
    /// (<see cref="PackOctets"/>), so that one 256-bit broadcast of A's eight values feeds a multiply-add with each of
    /// up to six vectors. Four rows by five vectors (ten columns) make 20 sums and nine loads for 20 multiply-adds
    /// (<see cref="Octets4"/>); each row's sums are then added step into step.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MultiplyOctets(ref float a, nint aRowStride, ref float b, ref float c, ref float init, bool hasInit,
        int rows, int columns, int depth, int start)
    {
        int count = columns - start, vectors = (count + 1) / 2;
        int octets = (depth + OctetDepth - 1) / OctetDepth;
        Span<float> packedOctets = PanelBuffer<float>.For(octets * vectors * Vector512<float>.Count);
        float* tails = stackalloc float[OctetRows * OctetDepth];
        fixed (float* aStart = &a, bStart = &b, cStart = &c, initStart = &init, packed = packedOctets)
        {
            Vector512<float> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();
            PackOctets(bStart + start, columns, depth, vectors, lanes, packed);
            Vector512<float> bias = hasInit ? Avx512F.MaskLoad(initStart + start, lanes, Vector512<float>.Zero) : Vector512<float>.Zero;
            for (int r = 0; r < rows; r += OctetRows)
            {
                // The last block ends at the last row, computing again, bit for bit, rows the block before it computed.
                int row = Math.Min(r, rows - OctetRows);
                float* aRows = aStart + row * aRowStride;
                float* tailRows = CopyRowEnds(aRows, aRowStride, OctetRows, depth, OctetDepth, tails);
                float* cRows = cStart + row * columns + start;
                if (vectors == FourOctets.Count)
                    Octets4<FourOctets>(aRows, aRowStride, packed, depth / OctetDepth, tailRows, bias, lanes, cRows, columns);
                else if (vectors == FiveOctets.Count)
                    Octets4<FiveOctets>(aRows, aRowStride, packed, depth / OctetDepth, tailRows, bias, lanes, cRows, columns);
                else
                    Octets4<SixOctets>(aRows, aRowStride, packed, depth / OctetDepth, tailRows, bias, lanes, cRows, columns);
            }
        }
    }

    /// <summary>
    /// B's columns from <paramref name="b"/> on (those <paramref name="lanes"/> marks, up to twelve), eight rows at a
    /// time, into <paramref name="vectors"/> vectors an octet: lane <c>8·c + d</c> of vector <c>v</c> holds
    /// <c>B[8·q + d, 2·v + c]</c>, zero past the columns and past the depth.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackOctets(float* b, nint columns, int depth, int vectors, Vector512<float> lanes, float* packed)
    {
        int whole = depth / OctetDepth, tail = depth % OctetDepth;
        nint stride = OctetDepth * columns;
        for (int q = 0; q < whole; q++)
        {
            StoreOctet(Avx512F.MaskLoad(b, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(b + columns, lanes, Vector512<float>.Zero),
                Avx512F.MaskLoad(b + 2 * columns, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(b + 3 * columns, lanes, Vector512<float>.Zero),
                Avx512F.MaskLoad(b + 4 * columns, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(b + 5 * columns, lanes, Vector512<float>.Zero),
                Avx512F.MaskLoad(b + 6 * columns, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(b + 7 * columns, lanes, Vector512<float>.Zero),
                vectors, packed);
            packed += vectors * Vector512<float>.Count;
            b += stride;
        }
        if (tail > 0)
        {
            // The rows past the depth are zeros.
            Span<Vector512<float>> rows = stackalloc Vector512<float>[OctetDepth];
            for (int d = 0; d < tail; d++)
                rows[d] = Avx512F.MaskLoad(b + d * columns, lanes, Vector512<float>.Zero);
            StoreOctet(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6], rows[7], vectors, packed);
        }
    }

    /// <summary>
    /// Eight rows of B's columns, <paramref name="r0"/> to <paramref name="r7"/>, as one octet's vectors, transposed in
    /// three rounds of two-table permutes: rows in pairs, each column's two values side by side (columns 0-7, then
    /// 8-11); pairs of pairs, four values a column (four columns a vector); and the two halves of the octet, eight values
    /// a column (two columns a vector).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreOctet(Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
        Vector512<float> r4, Vector512<float> r5, Vector512<float> r6, Vector512<float> r7, int vectors, float* packed)
    {
        Vector512<int> pairs = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        Vector512<int> upperPairs = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
        Vector512<int> fours = Vector512.Create(0, 1, 16, 17, 2, 3, 18, 19, 4, 5, 20, 21, 6, 7, 22, 23);
        Vector512<int> upperFours = Vector512.Create(8, 9, 24, 25, 10, 11, 26, 27, 12, 13, 28, 29, 14, 15, 30, 31);
        Vector512<int> eights = Vector512.Create(0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23);
        Vector512<int> upperEights = Vector512.Create(8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31);
        Vector512<float> low01 = Avx512F.PermuteVar16x32x2(r0, pairs, r1), low23 = Avx512F.PermuteVar16x32x2(r2, pairs, r3);
        Vector512<float> low45 = Avx512F.PermuteVar16x32x2(r4, pairs, r5), low67 = Avx512F.PermuteVar16x32x2(r6, pairs, r7);
        // Columns 0-3 and 4-7 of rows 0-3 and of rows 4-7.
        Vector512<float> first03 = Avx512F.PermuteVar16x32x2(low01, fours, low23), second03 = Avx512F.PermuteVar16x32x2(low45, fours, low67);
        Vector512<float> first47 = Avx512F.PermuteVar16x32x2(low01, upperFours, low23), second47 = Avx512F.PermuteVar16x32x2(low45, upperFours, low67);
        Vector512.Store(Avx512F.PermuteVar16x32x2(first03, eights, second03), packed);
        Vector512.Store(Avx512F.PermuteVar16x32x2(first03, upperEights, second03), packed + 16);
        Vector512.Store(Avx512F.PermuteVar16x32x2(first47, eights, second47), packed + 32);
        Vector512.Store(Avx512F.PermuteVar16x32x2(first47, upperEights, second47), packed + 48);
        if (vectors > 4)
        {
            // Columns 8-11.
            Vector512<float> high01 = Avx512F.PermuteVar16x32x2(r0, upperPairs, r1), high23 = Avx512F.PermuteVar16x32x2(r2, upperPairs, r3);
            Vector512<float> high45 = Avx512F.PermuteVar16x32x2(r4, upperPairs, r5), high67 = Avx512F.PermuteVar16x32x2(r6, upperPairs, r7);
            Vector512<float> first811 = Avx512F.PermuteVar16x32x2(high01, fours, high23), second811 = Avx512F.PermuteVar16x32x2(high45, fours, high67);
            Vector512.Store(Avx512F.PermuteVar16x32x2(first811, eights, second811), packed + 64);
            if (vectors > 5)
                Vector512.Store(Avx512F.PermuteVar16x32x2(first811, upperEights, second811), packed + 80);
        }
    }

    /// <summary>
    /// Four rows of A by a block of packed octets: four rows by <typeparamref name="TVectors"/> sums, each two columns by
    /// eight steps of the depth, from <paramref name="octets"/> whole octets and then, when <paramref name="tailRows"/> is
    /// not null, one more from its four zero-padded octets of A. Each row's sums are then added step into step
    /// (<see cref="OctetSums"/>) and stored with <paramref name="bias"/> in the columns <paramref name="lanes"/> marks.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Octets4<TVectors>(float* a, nint aRowStride, float* packed, int octets, float* tailRows, Vector512<float> bias,
        Vector512<float> lanes, float* c, nint columns)
        where TVectors : struct, IOctetVectors
    {
        int length = TVectors.Count * Vector512<float>.Count;
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default, c24 = default, c25 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default, c34 = default, c35 = default;
        float* a0 = a;
        nint s1 = aRowStride;
        while (true)
        {
            nint s2 = 2 * s1, s3 = 3 * s1;
            for (int q = 0; q < octets; q++)
            {
                Vector512<float> b0 = Vector512.Load(packed), b1 = Vector512.Load(packed + 16), b2 = Vector512.Load(packed + 32), b3 = Vector512.Load(packed + 48);
                Vector512<float> b4 = TVectors.Count > 4 ? Vector512.Load(packed + 64) : default;
                Vector512<float> b5 = TVectors.Count > 5 ? Vector512.Load(packed + 80) : default;
                Vector512<float> x = Avx512DQ.BroadcastVector256ToVector512(a0);
                c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                c02 = Vector512.FusedMultiplyAdd(x, b2, c02); c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
                if (TVectors.Count > 4)
                    c04 = Vector512.FusedMultiplyAdd(x, b4, c04);
                if (TVectors.Count > 5)
                    c05 = Vector512.FusedMultiplyAdd(x, b5, c05);
                x = Avx512DQ.BroadcastVector256ToVector512(a0 + s1);
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                c12 = Vector512.FusedMultiplyAdd(x, b2, c12); c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
                if (TVectors.Count > 4)
                    c14 = Vector512.FusedMultiplyAdd(x, b4, c14);
                if (TVectors.Count > 5)
                    c15 = Vector512.FusedMultiplyAdd(x, b5, c15);
                x = Avx512DQ.BroadcastVector256ToVector512(a0 + s2);
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                c22 = Vector512.FusedMultiplyAdd(x, b2, c22); c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
                if (TVectors.Count > 4)
                    c24 = Vector512.FusedMultiplyAdd(x, b4, c24);
                if (TVectors.Count > 5)
                    c25 = Vector512.FusedMultiplyAdd(x, b5, c25);
                x = Avx512DQ.BroadcastVector256ToVector512(a0 + s3);
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
                c32 = Vector512.FusedMultiplyAdd(x, b2, c32); c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
                if (TVectors.Count > 4)
                    c34 = Vector512.FusedMultiplyAdd(x, b4, c34);
                if (TVectors.Count > 5)
                    c35 = Vector512.FusedMultiplyAdd(x, b5, c35);
                packed += length;
                a0 += OctetDepth;
            }
            if (tailRows == null)
                break;
            // Once more, for the last partial octet of depth, from the zero-padded copies of the rows' ends.
            octets = 1;
            a0 = tailRows;
            s1 = OctetDepth;
            tailRows = null;
        }
        Avx512F.MaskStore(c, lanes, bias + OctetSums(c00, c01, c02, c03, c04, c05));
        Avx512F.MaskStore(c + columns, lanes, bias + OctetSums(c10, c11, c12, c13, c14, c15));
        Avx512F.MaskStore(c + 2 * columns, lanes, bias + OctetSums(c20, c21, c22, c23, c24, c25));
        Avx512F.MaskStore(c + 3 * columns, lanes, bias + OctetSums(c30, c31, c32, c33, c34, c35));
    }

    /// <summary>
    /// One row's vectors of octet sums as its columns: lane k of the result adds the eight steps of the depth of column
    /// k, lanes <c>8·(k mod 2)</c> to <c>8·(k mod 2) + 7</c> of vector <c>k / 2</c>. Vectors past a row's columns are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> OctetSums(Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3,
        Vector512<float> s4, Vector512<float> s5)
    {
        // Within each 128-bit lane, two rounds of shuffles that add neighbouring steps, four vectors into one: lane
        // e of 128-bit lane k then sums the four steps vector e holds there, half k mod 2 of column 2·e + k / 2.
        Vector512<float> first = AddNeighbours(AddNeighbours(s0, s1), AddNeighbours(s2, s3));
        Vector512<float> second = AddNeighbours(AddNeighbours(s4, s5), Vector512<float>.Zero);
        // Then the halves of each column across 128-bit lanes: lane 4·L + e holds column 2·e (L = 0), 2·e + 1 (L = 1),
        // 8 + 2·e (L = 2) or 9 + 2·e (L = 3), put in column order by the last permute.
        Vector512<float> sums = Avx512F.Shuffle4x128(first, second, 0b10_00_10_00) + Avx512F.Shuffle4x128(first, second, 0b11_01_11_01);
        return Avx512F.PermuteVar16x32(sums, Vector512.Create(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15));
    }

    /// <summary>Each 128-bit lane's neighbours added, <paramref name="x"/>'s two sums then <paramref name="y"/>'s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> AddNeighbours(Vector512<float> x, Vector512<float> y) =>
        Avx512F.Shuffle(x, y, 0b10_00_10_00) + Avx512F.Shuffle(x, y, 0b11_01_11_01);
}
