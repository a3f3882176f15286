using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

internal static partial class MatrixProduct
{
    /// <summary>Rows of C in one tile of <see cref="MultiplyRowTiles"/>: sixteen sums, half of AVX-512's 32 registers.</summary>
    private const int TileRows = 16;

    /// <summary>The bytes of B from which it no longer stays in L2 (this machine's is 1 MB), so that each sweep down B costs a trip beyond it.</summary>
    private const long LargeBBytes = 1024 * 1024;

    /// <summary>
    /// Whether the product runs in tiles of sixteen rows (<see cref="MultiplyRowTiles"/>): a B too large for L2, read
    /// in place once per sixteen rows, the tile fetching its lines ahead, instead of through copies of its panels read
    /// once per four rows. Measured in a 1024-1024-10 network (% of the FMA peak, blocks of four rows against tiles):
    /// 66% and 95% at batch 16, 79-82% and 96% at batch 64, 88-92% and 95% at batch 256. Where B stays in L2 the blocks
    /// are faster: 784-256-10 ran at 94-95% in blocks and 92% in tiles, 256-256-10 at 92-94% and 86-88%. Those figures
    /// are a Zen 4 core's, which splits each 512-bit multiply-add in two; on a core with two full-width pipes a tile's
    /// broadcast of A for every multiply-add leaves it short of load ports, and the blocks of eight rows run faster
    /// (<see cref="VectorPipes"/>).
    /// </summary>
    private static bool TilesRows<T>(int rows, int columns, int depth) where T : unmanaged
        => VectorPipes.HalvedVector512 && rows >= TileRows && (long)columns * depth * Unsafe.SizeOf<T>() >= LargeBBytes;

    /// <summary>
    /// Every whole vector of columns below <paramref name="stop"/> for the rows in whole tiles of sixteen, and for
    /// the rows left, through <see cref="MultiplyColumns"/>; returns the first column left. Each tile's rows of A are
    /// first copied depth-major, sixteen values a depth, so that the tile broadcasts them from one cache line where
    /// sixteen rows of A read in place, 4 KB apart in a 1024-wide layer, would fall into one set of L1; then each
    /// vector of columns is summed over the whole depth, B read in place, each of its elements once per tile.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int MultiplyRowTiles<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int stop)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        int end = stop / width * width;
        int tiledRows = rows / TileRows * TileRows;
        Span<T> tile = PanelBuffer<T>.For(TileRows * depth);
        ref T packed = ref MemoryMarshal.GetReference(tile);
        for (int r = 0; r < tiledRows; r += TileRows)
        {
            PackRows(ref Unsafe.Add(ref a, r * aRowStride), aRowStride, aDepthStride, ref packed, depth);
            ref T cRows = ref Unsafe.Add(ref c, (nint)r * columns);
            for (int j = 0; j < end; j += width)
                Block16x1<T, TVector, TWidth>(ref packed, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref cRows, j),
                    hasInit ? TWidth.Load(ref init, j) : TWidth.Zero, columns, depth);
        }
        if (tiledRows < rows)
            MultiplyColumns<T, TVector, TWidth, IdentityActivation<T>>(ref Unsafe.Add(ref a, tiledRows * aRowStride), aRowStride, aDepthStride, ref b, ref Unsafe.NullRef<T>(),
                ref Unsafe.Add(ref c, (nint)tiledRows * columns), ref init, hasInit, rows - tiledRows, columns, depth, 0, end, depth, T.Zero, false, out _);
        return end;
    }

    /// <summary>
    /// Copies sixteen rows of A depth-major, <c>packed[p·16 + r] = A[r, p]</c>, four rows at a time: four streams
    /// along A's rows, each written sixteen values apart, where sixteen at once would again fall into one set of L1.
    /// </summary>
    private static void PackRows<T>(ref T a, nint aRowStride, nint aDepthStride, ref T packed, int depth)
        where T : unmanaged
    {
        for (int r = 0; r < TileRows; r += 4)
        {
            ref T a0 = ref Unsafe.Add(ref a, r * aRowStride);
            ref T a1 = ref Unsafe.Add(ref a0, aRowStride);
            ref T a2 = ref Unsafe.Add(ref a1, aRowStride);
            ref T a3 = ref Unsafe.Add(ref a2, aRowStride);
            ref T to = ref Unsafe.Add(ref packed, r);
            nint ap = 0;
            if (typeof(T) == typeof(float) && Vector128.IsHardwareAccelerated)
            {
                // One store of four where the JIT would otherwise write four scalars: a third of the time.
                for (int p = 0; p < depth; p++, ap += aDepthStride)
                {
                    Vector128.Create(Unsafe.As<T, float>(ref Unsafe.Add(ref a0, ap)), Unsafe.As<T, float>(ref Unsafe.Add(ref a1, ap)),
                        Unsafe.As<T, float>(ref Unsafe.Add(ref a2, ap)), Unsafe.As<T, float>(ref Unsafe.Add(ref a3, ap)))
                        .StoreUnsafe(ref Unsafe.As<T, float>(ref to));
                    to = ref Unsafe.Add(ref to, TileRows);
                }
                continue;
            }
            for (int p = 0; p < depth; p++, ap += aDepthStride)
            {
                Unsafe.Add(ref to, 0) = Unsafe.Add(ref a0, ap);
                Unsafe.Add(ref to, 1) = Unsafe.Add(ref a1, ap);
                Unsafe.Add(ref to, 2) = Unsafe.Add(ref a2, ap);
                Unsafe.Add(ref to, 3) = Unsafe.Add(ref a3, ap);
                to = ref Unsafe.Add(ref to, TileRows);
            }
        }
    }

    /// <summary>
    /// Sixteen rows by one vector of C from A's rows packed depth-major: each load of B serves sixteen multiply-adds,
    /// each with its value of A broadcast from the same cache line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block16x1<T, TVector, TWidth>(ref T packed, ref T b, ref T c, TVector init0, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector c0 = init0, c1 = init0, c2 = init0, c3 = init0, c4 = init0, c5 = init0, c6 = init0, c7 = init0;
        TVector c8 = init0, c9 = init0, c10 = init0, c11 = init0, c12 = init0, c13 = init0, c14 = init0, c15 = init0;
        ref T ap = ref packed;
        ref T bRow = ref b;
        nint ahead = 2 * TWidth.Count * Unsafe.SizeOf<T>();
        for (int p = 0; p < depth; p++)
        {
            // The line two vectors on in this row of B, which this tile's pass two vectors of columns on reads: each
            // pass reads one line a row, each row on another page, where the prefetchers do not follow. A 1024-1024
            // layer at batch 16 ran at 89-92% of the FMA peak without, 97% with (the line one vector on, half of which
            // a whole vector off a 64-byte boundary has read already, gained only where B's rows start on a line).
            Prefetch.ToL2(ref bRow, ahead);
            TVector bp = TWidth.Load(ref bRow, 0);
            c0 = TWidth.MultiplyAdd(TWidth.Broadcast(ap), bp, c0);
            c1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 1)), bp, c1);
            c2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 2)), bp, c2);
            c3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 3)), bp, c3);
            c4 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 4)), bp, c4);
            c5 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 5)), bp, c5);
            c6 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 6)), bp, c6);
            c7 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 7)), bp, c7);
            c8 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 8)), bp, c8);
            c9 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 9)), bp, c9);
            c10 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 10)), bp, c10);
            c11 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 11)), bp, c11);
            c12 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 12)), bp, c12);
            c13 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 13)), bp, c13);
            c14 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 14)), bp, c14);
            c15 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 15)), bp, c15);
            ap = ref Unsafe.Add(ref ap, TileRows);
            bRow = ref Unsafe.Add(ref bRow, columns);
        }
        TWidth.Store(c0, ref c, 0);
        TWidth.Store(c1, ref c, columns);
        TWidth.Store(c2, ref c, 2 * columns);
        TWidth.Store(c3, ref c, 3 * columns);
        TWidth.Store(c4, ref c, 4 * columns);
        TWidth.Store(c5, ref c, 5 * columns);
        TWidth.Store(c6, ref c, 6 * columns);
        TWidth.Store(c7, ref c, 7 * columns);
        TWidth.Store(c8, ref c, 8 * columns);
        TWidth.Store(c9, ref c, 9 * columns);
        TWidth.Store(c10, ref c, 10 * columns);
        TWidth.Store(c11, ref c, 11 * columns);
        TWidth.Store(c12, ref c, 12 * columns);
        TWidth.Store(c13, ref c, 13 * columns);
        TWidth.Store(c14, ref c, 14 * columns);
        TWidth.Store(c15, ref c, 15 * columns);
    }
}
