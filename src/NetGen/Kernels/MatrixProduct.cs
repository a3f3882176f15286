using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The register-blocked product behind the dense kernels:
/// <c>C[r, j] = init[j] + Σₚ A[r, p]·B[p, j]</c> for r &lt; rows, j &lt; columns, p &lt; depth.
/// B and C are row-major with <c>columns</c> elements a row; A is read through two strides, so that
/// the same code multiplies by X (forward) and by Xᵀ (weight gradient) without copying.
/// </summary>
internal static partial class MatrixProduct
{
    /// <summary>Rows of C computed together: each B vector loaded is used this many times.</summary>
    private const int RowBlock = 4;

    /// <summary>Rows of C in a block over four vectors of columns (<see cref="BlockRowsBy4"/>).</summary>
    private const int SixRows = 6;

    /// <summary>
    /// Rows of C in the blocks over four vectors of columns that take the four or eight rows the six-row blocks leave,
    /// with one or two of those (see <see cref="MultiplyPanels"/>).
    /// </summary>
    private const int FiveRows = 5;

    /// <summary>
    /// The most rows for which a B beyond L2 is read in slices across all its panels (see <see cref="MultiplyPanels"/>):
    /// a 1024-1024 layer at batch 32 took 610-612 us so read in place against 690-713 panel by panel (copied), and 452
    /// against 454 from packed panels; at batch 64 it ran as fast either way, at 256 slower.
    /// </summary>
    private const int SweptRows = 32;

    /// <summary>
    /// The largest panel packed beforehand that a few rows over a B beyond L2 read whole, one panel after another, rather
    /// than swept (see <see cref="MultiplyPanels"/>): half of this machine's 1 MB L2, so that the panel the first block of
    /// rows streams in from L3, its lines contiguous, stays there for the blocks after it. On a Zen 5 core, in turns in one
    /// process, whole panels took 0.76-0.95 of the swept time for 1024-1024, 2048-512, 1536-768 and 784-2048 products at
    /// 4 to 32 rows (1024-1024 at 16 rows: 161.9 against 183.5 us, 92% of the FMA peak against 81%); 4096-256, whose
    /// panels are 1 MB, took 0.99 of it at 16 rows and 1.06 at 32. A 1024-1024-10 network's Forward at batch 16 took
    /// 170 us against 218, timed in turns with ONNX Runtime (`--interleaved`).
    /// </summary>
    private const long WholePackedPanelBytes = LargeBBytes / 2;

    /// <summary>A row stride of B, in bytes, whose multiples make the product copy B's panels (see <see cref="MultiplyColumns"/>).</summary>
    private const int AliasingStride = 2048;

    /// <summary>The deepest product whose panels blocks of eight rows read from copies whatever B's stride (see <see cref="MultiplyColumns"/>): 128 rows of two 512-bit vectors are 16 KB, a third of L1.</summary>
    private const int ShallowDepth = 128;

    /// <summary>The depth of a slice of a shallow product's four-vector panels (see <see cref="MultiplyPanels"/>): 64 rows of four 512-bit vectors are 16 KB.</summary>
    private const int ShallowSlice = 64;

    /// <summary>The fewest rows for which such a shallow product copies its panels: eight blocks of eight rows read each copy.</summary>
    private const int ShallowRows = 64;

    /// <summary>The depth of a slice (see <see cref="MultiplyColumns"/>): 256 rows of two 512-bit vectors are 32 KB, two thirds of an Ice Lake core's L1.</summary>
    private const int DepthSlice = 256;

    /// <summary>
    /// The fewest rows whose blocks run a deep product in slices (see <see cref="MultiplyColumns"/>): with fewer, each
    /// slice's copy serves too few blocks to repay it (784-256 at batch 64 ran 6% slower in slices).
    /// </summary>
    private const int SlicedRows = 128;

    /// <summary>
    /// The bytes of B's panels copied in one sweep (see <see cref="MultiplyColumns"/>): a quarter of this machine's L2. A
    /// 1024-1024 layer at batch 16 ran in 477 us copying one panel a sweep, 426 us with 256 KB, 438 with 512 KB,
    /// 459 with 1 MB and 520 with 2 MB, which no longer stays in L2 beside the weights streaming through.
    /// </summary>
    private const int PanelGroupBytes = 256 * 1024;

    /// <summary>This core's L2 (<see cref="CacheSizes"/>).</summary>
    private static int L2Bytes => CacheSizes.L2Bytes;

    /// <summary>
    /// The largest four-vector panel a deep product reads where it lies in B (see <see cref="MultiplyPanels"/>). At B's
    /// row stride of 1 KB a panel's lines fall in a quarter of L2's sets; 784 rows (196 KB) stayed there, 896 (224 KB)
    /// did not, in an Ice Lake core's 1.25 MB. Not a share of this core's L2: on a Zen 5 core (1 MB) too 784 rows read in
    /// place ran faster than through copies, 784-256 at batch 128 in 258 against 272 us, 784-100 in 108 against 113.
    /// </summary>
    private const int InPlacePanelBytes = 1280 * 1024 / 6;

    /// <param name="a">A[0, 0].</param>
    /// <param name="aRowStride">Elements from A[r, p] to A[r + 1, p].</param>
    /// <param name="aDepthStride">Elements from A[r, p] to A[r, p + 1].</param>
    /// <param name="b">B[0, 0], row-major [depth, columns].</param>
    /// <param name="c">C[0, 0], row-major [rows, columns], overwritten.</param>
    /// <param name="init">The row every C row starts from, when <paramref name="hasInit"/>.</param>
    /// <param name="hasInit">False to start C at zero.</param>
    /// <param name="rows">Rows of A and C.</param>
    /// <param name="columns">Columns of B and C.</param>
    /// <param name="depth">Columns of A, rows of B.</param>
    public static void Multiply<T>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Multiply(ref a, aRowStride, aDepthStride, ref b, ref Unsafe.NullRef<T>(), ref c, ref init, hasInit, rows, columns, depth);

    /// <summary>
    /// The same product, reading the columns of B's panels from <paramref name="panels"/>, B's panels packed once by
    /// <see cref="PackPanels"/> on this kind of core, or a null reference to copy them from B as needed. The panels
    /// may hold more rows than the product's depth (<paramref name="panelRows"/>, 0 for the depth): a product over some
    /// of B's rows reads them from their first, each panel's rows lying <paramref name="panelRows"/> times its width apart.
    /// </summary>
    public static void Multiply<T>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int panelRows = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Multiply<T, IdentityActivation<T>>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit, rows, columns, depth, T.Zero, panelRows);

    /// <summary>
    /// <see cref="Multiply{T, TActivation}"/> with the activation named by its member of <see cref="Activation"/> (not
    /// Softmax, which spans a row).
    /// </summary>
    public static void Multiply<T>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, Activation activation, T argument, int panelRows = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var call = new ActivatedProduct<T>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit, rows, columns, depth, argument, panelRows);
        ActivationDispatch.Run<T, ActivatedProduct<T>, bool>(activation, ref call);
    }

    /// <summary>The arguments of <see cref="Multiply{T, TActivation}"/> until the activation's struct is known.</summary>
    private ref struct ActivatedProduct<T>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, T argument, int panelRows) : IActivationCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ref T _a = ref a, _b = ref b, _panels = ref panels, _c = ref c, _init = ref init;

        public readonly bool Run<TActivation>() where TActivation : IActivation<T>
        {
            Multiply<T, TActivation>(ref _a, aRowStride, aDepthStride, ref _b, ref _panels, ref _c, ref _init, hasInit, rows, columns, depth, argument, panelRows);
            return true;
        }
    }

    /// <summary>
    /// The same product with an element-wise activation applied to every value of C once its sum is complete, with
    /// <paramref name="argument"/> its argument: the panels' blocks of rows apply it as they store their last slice (see
    /// <see cref="MultiplyPanels"/>), and the columns and rows no panel took get it in one pass at the end
    /// (<see cref="ActivateOutside"/>). Each value gets it once, as a pass over the whole of C would apply it.
    /// </summary>
    /// <remarks>
    /// A 256-256 layer at batch 256 on a Zen 5 core took 158.2-158.9 us, a pass of ReLU after it 2.3 more, and the product
    /// with ReLU applied in its blocks 0.8-1.5 more (in turns in one process).
    /// </remarks>
    public static void Multiply<T, TActivation>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, T argument, int panelRows = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        // The columns whose rows in blocks of four the panels activated.
        int fusedStart = 0, fusedEnd = 0;
        if (panelRows == 0)
            panelRows = depth;
        // The columns the widest vectors leave, where narrower vectors would take them in two or three passes, go
        // first, as one zero-padded vector (see MultiplyPadded): each pass is bound by its broadcasts of A, one per
        // row and depth, whatever its width, so a 10-wide layer ran as slowly as a 32-wide one.
        // On a full-width core a forward product of a block of rows or more takes every column past the last whole
        // 512-bit vector in octets or quads of the depth instead (see TakesOctets and TakesQuads).
        int stop = columns - PaddedColumns<T>(columns, rows);
        if (TakesOctets<T>(aDepthStride, rows, columns))
        {
            stop = columns - columns % Vector512<T>.Count;
            MultiplyOctets(ref Unsafe.As<T, float>(ref a), aRowStride, ref Unsafe.As<T, float>(ref b), ref Unsafe.As<T, float>(ref c),
                ref Unsafe.As<T, float>(ref init), hasInit, rows, columns, depth, stop);
        }
        else if (TakesQuads<T>(aDepthStride, rows, columns))
        {
            stop = columns - columns % Vector512<T>.Count;
            MultiplyQuads(ref Unsafe.As<T, float>(ref a), aRowStride, ref Unsafe.As<T, float>(ref b), ref Unsafe.As<T, float>(ref c),
                ref Unsafe.As<T, float>(ref init), hasInit, rows, columns, depth, stop);
        }
        else if (stop < columns)
        {
            if (columns - stop <= Vector128<T>.Count)
                MultiplyPadded<T, Vector128<T>, Width128<T>>(ref a, aRowStride, aDepthStride, ref b, ref c, ref init, hasInit, rows, columns, depth, stop);
            else if (columns - stop <= Vector256<T>.Count)
                MultiplyPadded<T, Vector256<T>, Width256<T>>(ref a, aRowStride, aDepthStride, ref b, ref c, ref init, hasInit, rows, columns, depth, stop);
            else
                MultiplyPadded<T, Vector512<T>, Width512<T>>(ref a, aRowStride, aDepthStride, ref b, ref c, ref init, hasInit, rows, columns, depth, stop);
        }
        // The widest accelerated width takes as many columns as fill whole vectors; narrower widths
        // take what is left, so that a 10-wide layer still runs 8 in SIMD.
        int j = 0;
        if (Vector512.IsHardwareAccelerated && TilesRows<T>(rows, columns, depth))
            j = MultiplyRowTiles<T, Vector512<T>, Width512<T>>(ref a, aRowStride, aDepthStride, ref b, ref c, ref init, hasInit, rows, columns, depth, stop);
        if (Vector512.IsHardwareAccelerated)
            j = ActivatedColumns<T, Vector512<T>, Width512<T>, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit,
                rows, columns, depth, j, stop, panelRows, argument, ref fusedStart, ref fusedEnd);
        if (Vector256.IsHardwareAccelerated)
            j = ActivatedColumns<T, Vector256<T>, Width256<T>, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref Unsafe.NullRef<T>(), ref c, ref init, hasInit,
                rows, columns, depth, j, stop, depth, argument, ref fusedStart, ref fusedEnd);
        if (Vector128.IsHardwareAccelerated)
            j = ActivatedColumns<T, Vector128<T>, Width128<T>, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref Unsafe.NullRef<T>(), ref c, ref init, hasInit,
                rows, columns, depth, j, stop, depth, argument, ref fusedStart, ref fusedEnd);
        // The last few columns as one more narrow vector that overlaps columns already done, which it
        // recomputes and overwrites: cheaper than scalar sums, which run a serial chain of additions
        // each (for the 2 columns a 10-wide layer leaves, as long as the whole SIMD part).
        // The columns it writes again lose their activation, and so leave the activated range.
        if (Vector128.IsHardwareAccelerated && j < stop && stop >= Vector128<T>.Count)
        {
            j = MultiplyColumns<T, Vector128<T>, Width128<T>, IdentityActivation<T>>(ref a, aRowStride, aDepthStride, ref b, ref Unsafe.NullRef<T>(), ref c, ref init, hasInit,
                rows, columns, depth, stop - Vector128<T>.Count, stop, depth, T.Zero, false, out _);
            fusedEnd = Math.Min(fusedEnd, stop - Vector128<T>.Count);
            fusedStart = Math.Min(fusedStart, fusedEnd);
        }
        for (; j < stop; j++)
        {
            for (int r = 0; r < rows; r++)
            {
                ref T aRow = ref Unsafe.Add(ref a, r * aRowStride);
                Unsafe.Add(ref c, (nint)r * columns + j) = ScalarColumn(ref aRow, aDepthStride, ref Unsafe.Add(ref b, j),
                    hasInit ? Unsafe.Add(ref init, j) : T.Zero, columns, depth);
            }
        }
        if (typeof(TActivation) != typeof(IdentityActivation<T>))
            ActivateOutside<T, TActivation>(ref c, rows, columns, fusedStart, fusedEnd, argument);
    }

    /// <summary>
    /// <see cref="MultiplyColumns"/> at this width, its panels activating their columns where those continue the range
    /// activated before them (from <paramref name="fusedStart"/> to <paramref name="fusedEnd"/>), which then takes them in:
    /// the activated columns stay one range, and <see cref="ActivateOutside"/> activates the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ActivatedColumns<T, TVector, TWidth, TActivation>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init,
        bool hasInit, int rows, int columns, int depth, int start, int stop, int panelRows, T argument, ref int fusedStart, ref int fusedEnd)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        bool continues = typeof(TActivation) != typeof(IdentityActivation<T>) && (fusedEnd == fusedStart || fusedEnd == start);
        int end = MultiplyColumns<T, TVector, TWidth, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit,
            rows, columns, depth, start, stop, panelRows, argument, continues, out int panelsEnd);
        if (continues && panelsEnd > start)
        {
            if (fusedEnd == fusedStart)
                fusedStart = start;
            fusedEnd = panelsEnd;
        }
        return end;
    }

    /// <summary>
    /// The activation over every value of C but those the panels activated: the columns from <paramref name="fusedStart"/>
    /// to <paramref name="fusedEnd"/> of the rows in blocks of four.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ActivateOutside<T, TActivation>(ref T c, int rows, int columns, int fusedStart, int fusedEnd, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        int blockedRows = fusedEnd > fusedStart ? rows / RowBlock * RowBlock : 0;
        // Where the panels took every column, the rows in blocks have nothing left.
        for (int r = 0; r < blockedRows && (fusedStart > 0 || fusedEnd < columns); r++)
        {
            ref T row = ref Unsafe.Add(ref c, (nint)r * columns);
            Activations.Forward<T, TActivation>(ref row, ref row, fusedStart, argument);
            Activations.Forward<T, TActivation>(ref Unsafe.Add(ref row, fusedEnd), ref Unsafe.Add(ref row, fusedEnd), columns - fusedEnd, argument);
        }
        ref T rest = ref Unsafe.Add(ref c, (nint)blockedRows * columns);
        Activations.Forward<T, TActivation>(ref rest, ref rest, (nint)(rows - blockedRows) * columns, argument);
    }

    /// <summary>
    /// How many columns, at the end, one zero-padded vector takes (<see cref="MultiplyPadded"/>): those the widest
    /// accelerated vectors leave, where narrower passes would take two or more (5-7 or 9-15 columns of floats
    /// beside AVX-512), with rows enough to repay copying B's columns; else 0.
    /// </summary>
    private static int PaddedColumns<T>(int columns, int rows) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (rows < 2 * RowBlock || !Vector128.IsHardwareAccelerated)
            return 0;
        int widest = Vector512.IsHardwareAccelerated ? Vector512<T>.Count : Vector256.IsHardwareAccelerated ? Vector256<T>.Count : Vector128<T>.Count;
        int rest = columns % widest, left = rest, passes = 0;
        foreach (int width in (ReadOnlySpan<int>)[Vector256<T>.Count, Vector128<T>.Count])
        {
            if (width < widest && left >= width)
                (passes, left) = (passes + 1, left % width);
        }
        // What is left then takes one overlapping 128-bit pass, or a scalar pass a column where the layer is narrower.
        passes += left == 0 ? 0 : columns >= Vector128<T>.Count ? 1 : left;
        return passes >= 2 ? rest : 0;
    }

    /// <summary>
    /// Columns <paramref name="start"/> to <paramref name="columns"/>, fewer than one vector of this width, for every
    /// row, in one pass of whole vectors. B is read in place, each vector's lanes past its row holding the next row's
    /// first weights, whose sums land only on lanes of C that are written again: each row's vector of C is stored
    /// whole, its lanes past the row falling on the next rows' first columns, which the passes after this one, or this
    /// one's next rows, write again. Where a whole vector would reach past B or C, at their last rows, it is not used:
    /// B's last rows are added lane by lane, and the last rows of C are copied from a block stored aside.
    /// </summary>
    /// <remarks>
    /// A copy of B's columns padded with zeros took longer than the product (1.6 of 2.7 us for a 256 -> 10 layer at
    /// batch 16), and the rows that a block of eight left ran one at a time at a third of the speed.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyPadded<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int start)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count, count = columns - start, block = 2 * RowBlock;
        // Rows of B whose whole vector from column `start` stays within B: all but the last one or few.
        int inPlace = Math.Max(0, depth - (start + width - 1) / columns);
        Span<T> edge = stackalloc T[width];
        edge.Clear();
        if (hasInit)
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref init, start), count).CopyTo(edge);
        TVector init0 = TWidth.Load(ref MemoryMarshal.GetReference(edge), 0);
        ref T bStart = ref Unsafe.Add(ref b, start);
        ref T cStart = ref Unsafe.Add(ref c, start);
        int r = 0;
        for (; r + block < rows; r += block)
            Block8x1<T, TVector, TWidth>(ref Unsafe.Add(ref a, r * aRowStride), aRowStride, aDepthStride, ref bStart, columns,
                ref Unsafe.Add(ref cStart, (nint)r * columns), init0, columns, inPlace);
        // The rows left, the last among them, by one more block of eight that ends at the last row (there are eight
        // rows at least; it computes again the rows of the blocks before that it covers), stored aside.
        int lastBlock = rows - block;
        Span<T> aside = stackalloc T[block * width];
        Block8x1<T, TVector, TWidth>(ref Unsafe.Add(ref a, lastBlock * aRowStride), aRowStride, aDepthStride, ref bStart, columns,
            ref MemoryMarshal.GetReference(aside), init0, width, inPlace);
        for (; r < rows; r++)
            aside.Slice((r - lastBlock) * width, count).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref cStart, (nint)r * columns), count));
        for (int p = inPlace; p < depth; p++)
        {
            for (r = 0; r < rows; r++)
            {
                T x = Unsafe.Add(ref a, r * aRowStride + p * aDepthStride);
                for (int k = 0; k < count; k++)
                    Unsafe.Add(ref cStart, (nint)r * columns + k) += x * Unsafe.Add(ref bStart, (nint)p * columns + k);
            }
        }
    }

    /// <summary><c>init + Σₚ A[0, p]·B[p, 0]</c> in scalar code, in four interleaved sums so that it is not one serial chain.</summary>
    private static T ScalarColumn<T>(ref T a, nint aDepthStride, ref T b, T init, nint columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T s0 = init, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
        nint ap = 0, bp = 0;
        int p = 0;
        for (; p + 4 <= depth; p += 4, ap += 4 * aDepthStride, bp += 4 * columns)
        {
            s0 += Unsafe.Add(ref a, ap) * Unsafe.Add(ref b, bp);
            s1 += Unsafe.Add(ref a, ap + aDepthStride) * Unsafe.Add(ref b, bp + columns);
            s2 += Unsafe.Add(ref a, ap + 2 * aDepthStride) * Unsafe.Add(ref b, bp + 2 * columns);
            s3 += Unsafe.Add(ref a, ap + 3 * aDepthStride) * Unsafe.Add(ref b, bp + 3 * columns);
        }
        for (; p < depth; p++, ap += aDepthStride, bp += columns)
            s0 += Unsafe.Add(ref a, ap) * Unsafe.Add(ref b, bp);
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>
    /// Computes the columns from <paramref name="start"/> to <paramref name="stop"/> that fill whole vectors of this width; returns
    /// the first column left, and in <paramref name="panelsEnd"/> the end of the columns its panels took for the rows in
    /// blocks of four, which apply <typeparamref name="TActivation"/> to them where <paramref name="activates"/>.
    /// </summary>
    /// <remarks>
    /// Kept out of line, one compiled copy per width, so that every block inlines into it within the
    /// JIT's inlining budget of this method alone. Inlined into a kernel that already inlined other
    /// work, it ran out of budget and left the vector multiply-add as a call in the innermost loop,
    /// which made a whole training step several times slower.
    ///
    /// This method, <see cref="MultiplyPadded"/> and <see cref="MultiplyRowTiles"/> are compiled fully optimized at
    /// their first call, without the profile that tiered compilation gathers first: a profile gathered on one shape
    /// slowed another's product, a 256-256-10 network at batch 16 taking 26.7 us instead of 21.3 after a
    /// 1024-1024-10 network had run first.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int MultiplyColumns<T, TVector, TWidth, TActivation>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int start, int stop, int panelRows, T argument, bool activates, out int panelsEnd)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        int width = TWidth.Count;
        int end = start + (stop - start) / width * width;
        // Eight rows at a time at the widest width on a core with two full-width FMA pipes (VectorPipes): sixteen sums
        // in flight instead of eight, and a load of B for every eight multiply-adds instead of four. On an Ice Lake
        // core it ran 784-256 layers 10-15% faster than blocks of four rows. Blocks of four stay where they were
        // measured best, on a Zen 4 core, and at narrower widths, where sixteen sums would leave AVX2 no register.
        // On such a core columns also go four vectors at a time where they can, in blocks of six rows (MultiplyPanels).
        (int quadsEnd, int pairsEnd) = PanelEnds(start, end, width, Tall<T, TVector>());
        int blockedRows = rows / RowBlock * RowBlock;
        // Panels packed beforehand cover exactly these when they start at the first column (see PackedColumns).
        if (!Unsafe.IsNullRef(ref panels) && (start != 0 || pairsEnd != PackedColumns<T>(columns)))
            panels = ref Unsafe.NullRef<T>();
        panelsEnd = pairsEnd;
        if (quadsEnd > start)
            MultiplyPanels<T, TVector, TWidth, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit, rows, columns, depth, start, quadsEnd, 4, panelRows,
                argument, activates);
        if (pairsEnd > quadsEnd)
            MultiplyPanels<T, TVector, TWidth, TActivation>(ref a, aRowStride, aDepthStride, ref b, ref panels, ref c, ref init, hasInit, rows, columns, depth, quadsEnd, pairsEnd, 2, panelRows,
                argument, activates);
        if (pairsEnd < end)
        {
            // The last odd vector of columns (the only one of a layer one vector wide), eight rows at a
            // time, then four.
            TVector init0 = hasInit ? TWidth.Load(ref init, pairsEnd) : TWidth.Zero;
            int r = 0;
            for (; r + 2 * RowBlock <= blockedRows; r += 2 * RowBlock)
                Block8x1<T, TVector, TWidth>(ref Unsafe.Add(ref a, r * aRowStride), aRowStride, aDepthStride, ref Unsafe.Add(ref b, pairsEnd), columns,
                    ref Unsafe.Add(ref c, (nint)r * columns + pairsEnd), init0, columns, depth);
            for (; r < blockedRows; r += RowBlock)
                Block4x1<T, TVector, TWidth>(ref Unsafe.Add(ref a, r * aRowStride), aRowStride, aDepthStride, ref Unsafe.Add(ref b, pairsEnd), columns,
                    ref Unsafe.Add(ref c, (nint)r * columns + pairsEnd), init0, columns, depth);
        }
        for (int r = blockedRows; r < rows; r++)
        {
            // Rows outside the blocks of four (all of them at batch 1 to 3).
            int j = start;
            ref T aRow = ref Unsafe.Add(ref a, r * aRowStride);
            ref T cRow = ref Unsafe.Add(ref c, (nint)r * columns);
            // Panels packed beforehand, which the blocks of rows have just read, are read here too: B's rows in place,
            // which the panels had evicted from L2, took 34 us for a 784-256 layer's fifth row against 6 from the panels,
            // and a row alone reads the panels in 5.5 us against 6.9 in place (on an Ice Lake core).
            for (; !Unsafe.IsNullRef(ref panels) && j < pairsEnd; j += j < quadsEnd ? 4 * width : 2 * width)
            {
                ref T panel = ref Unsafe.Add(ref panels, (nint)j * panelRows);
                if (j < quadsEnd)
                {
                    Block1x4<T, TVector, TWidth>(ref aRow, aDepthStride, ref panel, 4 * width, ref Unsafe.Add(ref cRow, j), ref init, hasInit, j, depth);
                    continue;
                }
                for (int v = 0; v < 2 * width; v += width)
                    TWidth.Store(Column<T, TVector, TWidth>(ref aRow, aDepthStride, ref Unsafe.Add(ref panel, v),
                        hasInit ? TWidth.Load(ref init, j + v) : TWidth.Zero, 2 * width, depth), ref cRow, j + v);
            }
            for (; j + 8 * width <= end; j += 8 * width)
                Block1x8<T, TVector, TWidth>(ref aRow, aDepthStride, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref cRow, j),
                    ref init, hasInit, j, columns, depth);
            for (; j + 4 * width <= end; j += 4 * width)
                Block1x4<T, TVector, TWidth>(ref aRow, aDepthStride, ref Unsafe.Add(ref b, j), columns, ref Unsafe.Add(ref cRow, j),
                    ref init, hasInit, j, depth);
            for (; j < end; j += width)
                TWidth.Store(Column<T, TVector, TWidth>(ref aRow, aDepthStride, ref Unsafe.Add(ref b, j),
                    hasInit ? TWidth.Load(ref init, j) : TWidth.Zero, columns, depth), ref cRow, j);
        }
        return end;
    }

    /// <summary>
    /// Whether a product at this width takes the blocks of a core with two full-width 512-bit FMA pipes (eight- and
    /// six-row blocks, four-vector panels; see <see cref="VectorPipes"/>): a JIT-time constant but for the core's kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Tall<T, TVector>() where T : unmanaged => typeof(TVector) == typeof(Vector512<T>) && VectorPipes.FullWidthVector512;

    /// <summary>
    /// Columns <paramref name="start"/> to <paramref name="stop"/>, whole panels of <paramref name="panelVectors"/> vectors
    /// (two, or four on a full-width core), for the rows in blocks of four.
    /// </summary>
    /// <remarks>
    /// On a full-width core, four-vector panels run blocks of six rows (<see cref="BlockRowsBy4"/>): 24 sums in flight and ten
    /// loads for their 24 multiply-adds, where eight rows by two vectors need ten for 16. With B's panel in L1 (a depth
    /// of 128, 48 rows by 64 columns, in a loop of its own on an Ice Lake core) they ran at 66-70% of the FMA peak
    /// against 51-56%. The rows past the last pair of six-row blocks, four or eight of them, run over the same four vectors:
    /// in blocks of four rows, 784-256 at batch 16 took 36 us, against 41 with two-vector blocks over each half; with one
    /// or two of the six-row blocks, as two or four blocks of five rows (20 sums, nine loads), which read B's panel a
    /// fifth less often than four-row blocks, a 784-256-10 network's Forward at batch 64 took 118.6-119.6 us against
    /// 119.6-120.6, at 256 472.9-474.0 against 474.8-477.0, and 1024-1024-10 at 64 613.8-620.2 against 619.7-620.4 (on a
    /// Zen 5 core, medians of ten rounds, two processes of each in turns).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyPanels<T, TVector, TWidth, TActivation>(ref T a, nint aRowStride, nint aDepthStride, ref T b, ref T panels, ref T c, ref T init, bool hasInit,
        int rows, int columns, int depth, int start, int stop, int panelVectors, int panelRows, T argument, bool activates)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        int width = TWidth.Count, panelWidth = panelVectors * width;
        int blockedRows = rows / RowBlock * RowBlock;
        // Six-row blocks in pairs, so that the rows left are a multiple of four; those four or eight rows run with one or
        // two of the six-row blocks as two or four five-row blocks (FiveRows), where there are such.
        int sixRows = panelVectors == 4 ? blockedRows / (2 * SixRows) * (2 * SixRows) : 0;
        int fiveRows = 0, left = panelVectors == 4 ? blockedRows - sixRows : 0;
        if (left > 0 && sixRows >= left / RowBlock * SixRows)
        {
            sixRows -= left / RowBlock * SixRows;
            fiveRows = left / RowBlock * (2 * FiveRows);
        }
        bool tall = Tall<T, TVector>();
        // A B whose rows lie a multiple of 2 KB apart is read through a copy of each panel, its rows
        // contiguous: read in place, such a stride (1024 floats is 4 KB) maps the panel's rows onto a few sets of
        // the caches, and the panel, read again for each block of rows, was evicted as it was read (a 1024-1024
        // layer ran at 61-62% of the FMA peak at batch 64 and 256, and at 82% and 90% with the copy). Other strides do
        // not gain by the copy (784-256 at batch 16 lost a fifth to it), nor does a single block of rows; except, in
        // eight-row blocks, a shallow product of many rows, such as a weight gradient (depth the batch, rows the
        // inputs), whose panel fits in L1 once copied: a 784-256 gradient ran 10-20% faster at batch 32 and 128.
        // Panels packed beforehand are read as the copies would be, with nothing to copy.
        bool prepacked = !Unsafe.IsNullRef(ref panels);
        bool packed = prepacked || ((long)columns * Unsafe.SizeOf<T>() % AliasingStride == 0 || tall && depth <= ShallowDepth && rows >= ShallowRows)
            && blockedRows > RowBlock;
        // A deep product of many rows reads copies of its panels. Two-vector panels, in eight-row blocks, are copied in
        // slices of the depth, each read in L1 by every block of rows, which add up their slices in C: read in place,
        // the panel of a 784-deep product (100 KB) came from L2 for every block of rows, and 784-256 at batch 256 ran 7%
        // faster in slices (783 against 729 us on an Ice Lake core, medians of 21 runs in turns). Four-vector panels
        // in six-row blocks are copied whole: in slices of 128 (32 KB) a 1024-1024 layer at batch 256 took 4.04 ms
        // against 3.68 whole, and 784-256 667 us against 661.
        // Not when the panels stay in L2 where they lie, read by rows of A along their rows (a layer's forward product):
        // a B no larger than L2 whose four-vector panels fit in a sixth of it, or a B that is one such panel already.
        // Uncopied, 784-256 at batch 128 took 320 instead of 346 us on an Ice Lake core, at batch 256 628 instead of 656,
        // 512-256 413 instead of 426, and 784-64 147 instead of 158; with a deeper panel (896-256 822 against 754 us,
        // 1024-256 1055 against 860) or a B beyond L2 (784-768) the copy won again, and so it did in a weight gradient,
        // whose broadcasts each read another line of A (784-256 at batch 512: 2248 against 2143 us).
        long panelBytes = (long)depth * panelWidth * Unsafe.SizeOf<T>();
        bool inPlace = panelVectors == 4 && (columns == panelWidth
            || aDepthStride == 1 && panelBytes <= InPlacePanelBytes && panelBytes / panelWidth * columns <= L2Bytes);
        bool deep = tall && depth > DepthSlice && rows >= SlicedRows && !inPlace;
        packed |= deep;
        // A shallow product's four-vector panels (a weight gradient over a batch of up to 128) are copied in slices of
        // 64 (16 KB): whole, 32 KB beside A's lines in L1, a 784-256 gradient at batch 128 took 394 us, in slices 336.
        bool shallowSliced = packed && panelVectors == 4 && depth > ShallowSlice && depth <= ShallowDepth;
        // A B beyond L2 read by a few blocks of rows is read a slice of the depth at a time across all its panels (swept):
        // the panels run one after the other, each one's slice read by every block of rows, while the next slice's
        // lines are asked of L2 (below). Where the panels were not packed beforehand, it reads the slice's rows of B
        // where they lie, so long as they take no more than half of L2 (a 1024-wide layer's 128 rows are 512 KB): copied
        // instead, each row's part of B read whole (a page of a 1024-wide layer) into a slice of the panels read in L1,
        // a 1024-1024 layer at batch 16 took 444-458 us against 334-352 in place, at batch 8 387-401 against 318, and
        // 2048-512 560-573 against 439-443, and so a weight gradient of a few rows (16 inputs by 512 outputs at batch
        // 1000: 203-208 against 136-137 us). B's rows 4 KB apart still fall in a few sets of L1, so each block of rows
        // reads the slice from L2, but the copy's wait on L3 is gone. At other strides the panels were read whole, one
        // at a time, the first block of rows waiting on L3 for each: 4096-256 at batch 16 took 540-547 us against 265
        // swept, 1536-768 597-635 against 363-443, a gradient of 8 inputs by 256 outputs at batch 3000 231-267 against
        // 141; 784-2000, whose slice of 128 rows (1 MB) would fill L2, took 498 against 560 swept, and is not.
        // Panels packed beforehand lie contiguous, where the prefetchers follow them, and are read whole unless they are
        // too deep to stay in L2 (WholePackedPanelBytes).
        bool sweeps = panelVectors == 4 && !shallowSliced && blockedRows <= SweptRows
            && (long)depth * (stop - start) * Unsafe.SizeOf<T>() > LargeBBytes && !(prepacked && panelBytes <= WholePackedPanelBytes);
        bool sweptInPlace = sweeps && !prepacked && blockedRows > RowBlock
            && (long)(DepthSlice / 2) * columns * Unsafe.SizeOf<T>() <= L2Bytes / 2;
        bool swept = sweeps && packed || sweptInPlace;
        bool copied = packed && !prepacked && !sweptInPlace;
        bool sliced = deep && panelVectors == 2 || shallowSliced || swept;
        int slice = shallowSliced ? ShallowSlice : swept ? DepthSlice / 2 : sliced ? DepthSlice : Math.Max(depth, 1);
        // Read in place or from packed panels by more rows than a sweep takes, the four-vector panels of a B within two
        // thirds of L2 go together too, so that each block of rows reads its rows of A once for all of them. In place,
        // 784-256 at batch 256 took 596-600 instead of 626-628 us, at batch 128 305 instead of 315, at batch 64 149-150
        // instead of 151-153, and 640-256 490 instead of 515; from packed panels, 784-256 at batch 256 590 instead of
        // 612. With B's rows wider than its panels or a larger B, the panels no longer stayed in L2 beside A's rows:
        // 784-320 (980 KB) took 884 against 791 us, 784-384 1,405-1,419 against 951-974. Those were an Ice Lake core's
        // (1.25 MB); on a Zen 5 core (1 MB), whose two thirds 784-256 (800 KB) exceeds, its panels one at a time ran
        // 784-256-10 at batch 256 in 483.2 us against 493.2 grouped, at batch 64 in 121.7 against 124.3 (medians of ten
        // rounds in turns in one process).
        bool grouped = !copied && !sliced && inPlace && blockedRows > SweptRows
            && (long)depth * columns * Unsafe.SizeOf<T>() <= L2Bytes * 2 / 3;
        // Several panels are copied in one sweep down B, each row's part read as one contiguous run: a panel alone
        // reads two cache lines a row, each row on another page, where the prefetchers do not follow, so that its
        // copy waited on one miss after another. Slices are copied one panel at a time, to stay in L1.
        int panelLength = slice * panelWidth;
        int group = swept || grouped ? (stop - start) / panelWidth
            : packed && depth > 0 && !sliced ? Math.Max(1, Math.Min(PanelGroupBytes / (panelLength * Unsafe.SizeOf<T>()), (stop - start) / panelWidth)) : 1;
        Span<T> copies = copied ? PanelBuffer<T>.For(group * panelLength) : default;
        for (int j0 = start; j0 < stop; j0 += group * panelWidth)
        {
            int count = Math.Min(group, (stop - j0) / panelWidth);
            int k0 = 0;
            do
            {
                int sliceDepth = Math.Min(slice, depth - k0);
                bool accumulate = k0 > 0;
                ref T bPanels = ref Unsafe.Add(ref b, j0 + (nint)k0 * columns);
                ref T aSlice = ref Unsafe.Add(ref a, k0 * aDepthStride);
                nint bStride = columns, panelStep = panelWidth;
                if (prepacked)
                {
                    // Each panel's rows lie from its first column times the panels' rows (PackPanels).
                    bPanels = ref Unsafe.Add(ref panels, (nint)j0 * panelRows + (nint)k0 * panelWidth);
                    bStride = panelWidth;
                    panelStep = (nint)panelRows * panelWidth;
                }
                else if (copied)
                {
                    ref T copy = ref MemoryMarshal.GetReference(copies);
                    for (int p = 0; p < sliceDepth; p++)
                    {
                        for (int g = 0; g < count; g++)
                        {
                            nint from = (nint)p * columns + g * panelWidth, to = (nint)g * panelLength + (nint)p * panelWidth;
                            for (int v = 0; v < panelWidth; v += width)
                                TWidth.Store(TWidth.Load(ref bPanels, from + v), ref copy, to + v);
                        }
                    }
                    bPanels = ref copy;
                    bStride = panelWidth;
                    panelStep = panelLength;
                }
                // Each block of rows takes every panel of the group in turn, so that its rows of A come from beyond L2 once
                // per group rather than once per panel (A is 1 MB for a 1024-wide input at batch 256).
                // Swept, the panels take the blocks of rows in turn instead.
                int outer = swept ? count : 1, inner = swept ? 1 : count;
                for (int go = 0; go < outer; go++)
                {
                    // Swept, read in place or from panels packed beforehand, the panels of a few rows over a B beyond L2
                    // are read with lines of the next slice asked of L2 meanwhile, two a step of each block's depth, so
                    // that they come from L3 while this slice's multiply-adds run: otherwise the first block of rows to read
                    // a slice waited on L3 (on an Ice Lake core, from packed panels, a 1024-1024 layer took 277 instead of
                    // 243 us at batch 16, 192 instead of 170 at batch 8, and a 2048-512 layer 271 instead of 241 at batch
                    // 16; such panels are read whole now, see WholePackedPanelBytes). Packed, the next slice is the next
                    // panel's at this depth, or the first panel's at the next; in place, it is B's next rows, one run, of
                    // which each panel asks for its share.
                    bool ahead = swept && !copied;
                    ref T nextSlice = ref b;
                    int nextLines = 0;
                    if (ahead && prepacked)
                    {
                        (int nextPanel, int nextDepth) = go + 1 < count ? (go + 1, k0) : (0, k0 + slice);
                        nextSlice = ref Unsafe.Add(ref panels, (nint)(j0 + nextPanel * panelWidth) * panelRows + (nint)nextDepth * panelWidth);
                        nextLines = Math.Clamp(depth - nextDepth, 0, slice) * panelWidth * Unsafe.SizeOf<T>() / Alignment.Bytes;
                    }
                    else if (ahead && k0 + slice < depth)
                    {
                        int nextRows = Math.Min(slice, depth - (k0 + slice));
                        nextLines = (int)((long)nextRows * columns * Unsafe.SizeOf<T>() / Alignment.Bytes / count);
                        nextSlice = ref Unsafe.AddByteOffset(ref Unsafe.Add(ref b, (nint)(k0 + slice) * columns), (nint)go * nextLines * Alignment.Bytes);
                    }
                    int requested = 0;
                    // Where the slice is the last, the blocks' sums are complete and are activated as they are stored:
                    // the four-vector blocks in registers (a pass over their stored rows, in L1, cost a 256-256 layer at
                    // batch 256 as much as the pass after the product, 2.3-2.5 us), the two-vector blocks from the rows
                    // just stored.
                    bool finishes = typeof(TActivation) != typeof(IdentityActivation<T>) && activates && k0 + sliceDepth >= depth;
                    for (int r = 0; r < blockedRows;)
                    {
                        int aheadSteps = Math.Clamp((nextLines - requested + 1) / 2, 0, sliceDepth);
                        ref T aheadFrom = ref Unsafe.AddByteOffset(ref nextSlice, (nint)requested * Alignment.Bytes);
                        requested += 2 * aheadSteps;
                        // Four-vector panels: six rows, then five, then four; two-vector panels: eight rows on a full-width core, then four.
                        int step = r < sixRows ? SixRows : r < sixRows + fiveRows ? FiveRows : tall && r + 2 * RowBlock <= blockedRows && panelVectors == 2 ? 2 * RowBlock : RowBlock;
                        for (int gi = 0; gi < inner; gi++)
                        {
                            int g = go + gi;
                            int j = j0 + g * panelWidth;
                            ref T aRows = ref Unsafe.Add(ref aSlice, r * aRowStride);
                            ref T bPanel = ref Unsafe.Add(ref bPanels, g * panelStep);
                            ref T cTile = ref Unsafe.Add(ref c, (nint)r * columns + j);
                            if (step == SixRows)
                            {
                                RunBlockRowsBy4<T, TVector, TWidth, SixRowBlock, TActivation>(ahead, ref aRows, aRowStride, aDepthStride, ref bPanel, bStride, ref cTile, ref init, hasInit, j,
                                    accumulate, columns, sliceDepth, ref aheadFrom, aheadSteps, finishes, argument);
                                continue;
                            }
                            if (step == FiveRows)
                            {
                                RunBlockRowsBy4<T, TVector, TWidth, FiveRowBlock, TActivation>(ahead, ref aRows, aRowStride, aDepthStride, ref bPanel, bStride, ref cTile, ref init, hasInit, j,
                                    accumulate, columns, sliceDepth, ref aheadFrom, aheadSteps, finishes, argument);
                                continue;
                            }
                            if (panelVectors == 4)
                            {
                                RunBlockRowsBy4<T, TVector, TWidth, FourRowBlock, TActivation>(ahead, ref aRows, aRowStride, aDepthStride, ref bPanel, bStride, ref cTile, ref init, hasInit, j,
                                    accumulate, columns, sliceDepth, ref aheadFrom, aheadSteps, finishes, argument);
                                continue;
                            }
                            TVector init0 = hasInit ? TWidth.Load(ref init, j) : TWidth.Zero, init1 = hasInit ? TWidth.Load(ref init, j + width) : TWidth.Zero;
                            if (step == 2 * RowBlock)
                                Block8x2<T, TVector, TWidth>(ref aRows, aRowStride, aDepthStride, ref bPanel, bStride, ref cTile, init0, init1, accumulate, columns, sliceDepth);
                            else
                                Block4x2<T, TVector, TWidth>(ref aRows, aRowStride, aDepthStride, ref bPanel, bStride, ref cTile, init0, init1, accumulate, columns, sliceDepth);
                        }
                        if (finishes && panelVectors == 2)
                            ActivateRows<T, TVector, TWidth, TActivation>(ref Unsafe.Add(ref c, (nint)r * columns + j0 + go * panelWidth), columns, step, inner * panelWidth, argument);
                        r += step;
                    }
                }
                k0 += slice;
            }
            while (k0 < depth);
        }
    }

    /// <summary>
    /// The activation over <paramref name="rows"/> rows of C of <paramref name="count"/> values, a multiple of the width,
    /// each. Out of line, so that <see cref="MultiplyPanels"/> keeps its inlining budget for its blocks; one call a block
    /// of rows across the panels that block took.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ActivateRows<T, TVector, TWidth, TActivation>(ref T c, int columns, int rows, int count, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        TVector activationArgument = TWidth.Broadcast(argument);
        for (int r = 0; r < rows; r++)
        {
            ref T row = ref Unsafe.Add(ref c, (nint)r * columns);
            for (int v = 0; v < count; v += TWidth.Count)
                TWidth.Store(TWidth.Forward<TActivation>(TWidth.Load(ref row, v), activationArgument), ref row, v);
        }
    }

    /// <summary>
    /// Four rows by one vector of C, each row summed in two halves (even and odd depth) so that eight
    /// independent sums hide the FMA latency even when C is one vector wide and the depth is long.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x1<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        TVector init0, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector c0 = init0, c1 = init0, c2 = init0, c3 = init0;
        TVector d0 = TWidth.Zero, d1 = TWidth.Zero, d2 = TWidth.Zero, d3 = TWidth.Zero;
        ref T a0 = ref a;
        ref T a1 = ref Unsafe.Add(ref a, aRowStride);
        ref T a2 = ref Unsafe.Add(ref a, 2 * aRowStride);
        ref T a3 = ref Unsafe.Add(ref a, 3 * aRowStride);
        nint ap = 0;
        int p = 0;
        for (; p + 2 <= depth; p += 2)
        {
            TVector b0 = TWidth.Load(ref b, (nint)p * bStride);
            TVector b1 = TWidth.Load(ref b, (nint)(p + 1) * bStride);
            c0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a0, ap)), b0, c0);
            c1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a1, ap)), b0, c1);
            c2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a2, ap)), b0, c2);
            c3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a3, ap)), b0, c3);
            ap += aDepthStride;
            d0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a0, ap)), b1, d0);
            d1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a1, ap)), b1, d1);
            d2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a2, ap)), b1, d2);
            d3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a3, ap)), b1, d3);
            ap += aDepthStride;
        }
        if (p < depth)
        {
            TVector b0 = TWidth.Load(ref b, (nint)p * bStride);
            c0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a0, ap)), b0, c0);
            c1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a1, ap)), b0, c1);
            c2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a2, ap)), b0, c2);
            c3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a3, ap)), b0, c3);
        }
        TWidth.Store(TWidth.Add(c0, d0), ref c, 0);
        TWidth.Store(TWidth.Add(c1, d1), ref c, columns);
        TWidth.Store(TWidth.Add(c2, d2), ref c, 2 * columns);
        TWidth.Store(TWidth.Add(c3, d3), ref c, 3 * columns);
    }

    /// <summary>
    /// Eight rows by one vector of C: one load of B serves eight multiply-adds, and eight independent
    /// sums hide the FMA latency without splitting the depth. Pointers advance by addition, so the loop
    /// is little more than its loads and multiply-adds; a layer one vector wide, such as 24 → 8, runs
    /// here at about four fifths of the FMA peak, where the four-row block with its split sums stays
    /// near two thirds. Kept out of line: inlined into <see cref="MultiplyColumns"/> beside the other blocks, its B
    /// pointer and loop counter lived on the stack, and a 16-wide layer over 256 inputs at batch 16 took 2.2 us
    /// instead of 1.7 (on an Ice Lake core).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Block8x1<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        TVector init0, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector c0 = init0, c1 = init0, c2 = init0, c3 = init0, c4 = init0, c5 = init0, c6 = init0, c7 = init0;
        ref T ap = ref a;
        ref T bRow = ref b;
        for (int p = 0; p < depth; p++)
        {
            TVector bp = TWidth.Load(ref bRow, 0);
            c0 = TWidth.MultiplyAdd(TWidth.Broadcast(ap), bp, c0);
            c1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, aRowStride)), bp, c1);
            c2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 2 * aRowStride)), bp, c2);
            c3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 3 * aRowStride)), bp, c3);
            c4 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 4 * aRowStride)), bp, c4);
            c5 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 5 * aRowStride)), bp, c5);
            c6 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 6 * aRowStride)), bp, c6);
            c7 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref ap, 7 * aRowStride)), bp, c7);
            bRow = ref Unsafe.Add(ref bRow, bStride);
            ap = ref Unsafe.Add(ref ap, aDepthStride);
        }
        TWidth.Store(c0, ref c, 0);
        TWidth.Store(c1, ref c, columns);
        TWidth.Store(c2, ref c, 2 * columns);
        TWidth.Store(c3, ref c, 3 * columns);
        TWidth.Store(c4, ref c, 4 * columns);
        TWidth.Store(c5, ref c, 5 * columns);
        TWidth.Store(c6, ref c, 6 * columns);
        TWidth.Store(c7, ref c, 7 * columns);
    }

    /// <summary>
    /// One row by one vector of C, <c>init + Σₚ A[0, p]·B[p, …]</c>, summed in four or eight interleaved
    /// parts (depth p mod 4 or 8) so that a single narrow output, such as a bias gradient or a small
    /// layer at batch 1, is not bound by FMA latency: a multiply-add takes four cycles and two can
    /// start each cycle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector Column<T, TVector, TWidth>(ref T a, nint aDepthStride, ref T b, TVector init, nint columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector s0 = init, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
        nint ap = 0;
        int p = 0;
        if (depth >= 16)
        {
            TVector s4 = TWidth.Zero, s5 = TWidth.Zero, s6 = TWidth.Zero, s7 = TWidth.Zero;
            for (; p + 8 <= depth; p += 8)
            {
                s0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap)), TWidth.Load(ref b, 0), s0);
                s1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + aDepthStride)), TWidth.Load(ref b, columns), s1);
                s2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 2 * aDepthStride)), TWidth.Load(ref b, 2 * columns), s2);
                s3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 3 * aDepthStride)), TWidth.Load(ref b, 3 * columns), s3);
                s4 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 4 * aDepthStride)), TWidth.Load(ref b, 4 * columns), s4);
                s5 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 5 * aDepthStride)), TWidth.Load(ref b, 5 * columns), s5);
                s6 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 6 * aDepthStride)), TWidth.Load(ref b, 6 * columns), s6);
                s7 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 7 * aDepthStride)), TWidth.Load(ref b, 7 * columns), s7);
                b = ref Unsafe.Add(ref b, 8 * columns);
                ap += 8 * aDepthStride;
            }
            s0 = TWidth.Add(s0, s4);
            s1 = TWidth.Add(s1, s5);
            s2 = TWidth.Add(s2, s6);
            s3 = TWidth.Add(s3, s7);
        }
        for (; p + 4 <= depth; p += 4)
        {
            s0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap)), TWidth.Load(ref b, 0), s0);
            s1 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + aDepthStride)), TWidth.Load(ref b, columns), s1);
            s2 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 2 * aDepthStride)), TWidth.Load(ref b, 2 * columns), s2);
            s3 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap + 3 * aDepthStride)), TWidth.Load(ref b, 3 * columns), s3);
            b = ref Unsafe.Add(ref b, 4 * columns);
            ap += 4 * aDepthStride;
        }
        for (; p < depth; p++, ap += aDepthStride)
        {
            s0 = TWidth.MultiplyAdd(TWidth.Broadcast(Unsafe.Add(ref a, ap)), TWidth.Load(ref b, 0), s0);
            b = ref Unsafe.Add(ref b, columns);
        }
        // Below four the other sums are still zero: adding them would only lengthen the chain that a
        // small layer at batch 1 waits on.
        return depth < 4 ? s0 : TWidth.Add(TWidth.Add(s0, s1), TWidth.Add(s2, s3));
    }

    /// <summary>One row by eight vectors of C: each row of B is read in longer contiguous runs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Block1x8<T, TVector, TWidth>(ref T a, nint aDepthStride, ref T b, ref T c, ref T init, bool hasInit, int j, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int w = TWidth.Count;
        TVector c0 = hasInit ? TWidth.Load(ref init, j) : TWidth.Zero;
        TVector c1 = hasInit ? TWidth.Load(ref init, j + w) : TWidth.Zero;
        TVector c2 = hasInit ? TWidth.Load(ref init, j + 2 * w) : TWidth.Zero;
        TVector c3 = hasInit ? TWidth.Load(ref init, j + 3 * w) : TWidth.Zero;
        TVector c4 = hasInit ? TWidth.Load(ref init, j + 4 * w) : TWidth.Zero;
        TVector c5 = hasInit ? TWidth.Load(ref init, j + 5 * w) : TWidth.Zero;
        TVector c6 = hasInit ? TWidth.Load(ref init, j + 6 * w) : TWidth.Zero;
        TVector c7 = hasInit ? TWidth.Load(ref init, j + 7 * w) : TWidth.Zero;
        ref T bRow = ref b;
        nint ap = 0;
        for (int p = 0; p < depth; p++)
        {
            TVector x = TWidth.Broadcast(Unsafe.Add(ref a, ap));
            c0 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 0), c0);
            c1 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, w), c1);
            c2 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 2 * w), c2);
            c3 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 3 * w), c3);
            c4 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 4 * w), c4);
            c5 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 5 * w), c5);
            c6 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 6 * w), c6);
            c7 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 7 * w), c7);
            bRow = ref Unsafe.Add(ref bRow, columns);
            ap += aDepthStride;
        }
        TWidth.Store(c0, ref c, 0);
        TWidth.Store(c1, ref c, w);
        TWidth.Store(c2, ref c, 2 * w);
        TWidth.Store(c3, ref c, 3 * w);
        TWidth.Store(c4, ref c, 4 * w);
        TWidth.Store(c5, ref c, 5 * w);
        TWidth.Store(c6, ref c, 6 * w);
        TWidth.Store(c7, ref c, 7 * w);
    }

    /// <summary>
    /// One row by sixteen vectors of C: a layer of sixteen vectors or more (256 floats with Vector512)
    /// reads each weight row in one sweep, so the whole matrix streams through once in order, where two
    /// blocks of eight would stream it twice, half a row at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Block1x16<T, TVector, TWidth>(ref T a, ref T b, ref T c, ref T init, int j, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int w = TWidth.Count;
        TVector c0 = TWidth.Load(ref init, j), c1 = TWidth.Load(ref init, j + w), c2 = TWidth.Load(ref init, j + 2 * w), c3 = TWidth.Load(ref init, j + 3 * w);
        TVector c4 = TWidth.Load(ref init, j + 4 * w), c5 = TWidth.Load(ref init, j + 5 * w), c6 = TWidth.Load(ref init, j + 6 * w), c7 = TWidth.Load(ref init, j + 7 * w);
        TVector c8 = TWidth.Load(ref init, j + 8 * w), c9 = TWidth.Load(ref init, j + 9 * w), c10 = TWidth.Load(ref init, j + 10 * w), c11 = TWidth.Load(ref init, j + 11 * w);
        TVector c12 = TWidth.Load(ref init, j + 12 * w), c13 = TWidth.Load(ref init, j + 13 * w), c14 = TWidth.Load(ref init, j + 14 * w), c15 = TWidth.Load(ref init, j + 15 * w);
        ref T bRow = ref b;
        for (int p = 0; p < depth; p++)
        {
            TVector x = TWidth.Broadcast(Unsafe.Add(ref a, p));
            c0 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 0), c0);
            c1 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, w), c1);
            c2 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 2 * w), c2);
            c3 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 3 * w), c3);
            c4 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 4 * w), c4);
            c5 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 5 * w), c5);
            c6 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 6 * w), c6);
            c7 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 7 * w), c7);
            c8 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 8 * w), c8);
            c9 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 9 * w), c9);
            c10 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 10 * w), c10);
            c11 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 11 * w), c11);
            c12 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 12 * w), c12);
            c13 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 13 * w), c13);
            c14 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 14 * w), c14);
            c15 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 15 * w), c15);
            bRow = ref Unsafe.Add(ref bRow, columns);
        }
        TWidth.Store(c0, ref c, 0);
        TWidth.Store(c1, ref c, w);
        TWidth.Store(c2, ref c, 2 * w);
        TWidth.Store(c3, ref c, 3 * w);
        TWidth.Store(c4, ref c, 4 * w);
        TWidth.Store(c5, ref c, 5 * w);
        TWidth.Store(c6, ref c, 6 * w);
        TWidth.Store(c7, ref c, 7 * w);
        TWidth.Store(c8, ref c, 8 * w);
        TWidth.Store(c9, ref c, 9 * w);
        TWidth.Store(c10, ref c, 10 * w);
        TWidth.Store(c11, ref c, 11 * w);
        TWidth.Store(c12, ref c, 12 * w);
        TWidth.Store(c13, ref c, 13 * w);
        TWidth.Store(c14, ref c, 14 * w);
        TWidth.Store(c15, ref c, 15 * w);
    }

    /// <summary>One row by four vectors of C: enough independent sums to hide the FMA latency when there is a single row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x4<T, TVector, TWidth>(ref T a, nint aDepthStride, ref T b, nint bStride, ref T c, ref T init, bool hasInit, int j, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        TVector c0 = hasInit ? TWidth.Load(ref init, j) : TWidth.Zero;
        TVector c1 = hasInit ? TWidth.Load(ref init, j + width) : TWidth.Zero;
        TVector c2 = hasInit ? TWidth.Load(ref init, j + 2 * width) : TWidth.Zero;
        TVector c3 = hasInit ? TWidth.Load(ref init, j + 3 * width) : TWidth.Zero;
        ref T bRow = ref b;
        nint ap = 0;
        for (int p = 0; p < depth; p++)
        {
            TVector x = TWidth.Broadcast(Unsafe.Add(ref a, ap));
            c0 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 0), c0);
            c1 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, width), c1);
            c2 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 2 * width), c2);
            c3 = TWidth.MultiplyAdd(x, TWidth.Load(ref bRow, 3 * width), c3);
            bRow = ref Unsafe.Add(ref bRow, bStride);
            ap += aDepthStride;
        }
        TWidth.Store(c0, ref c, 0);
        TWidth.Store(c1, ref c, width);
        TWidth.Store(c2, ref c, 2 * width);
        TWidth.Store(c3, ref c, 3 * width);
    }

    /// <summary>
    /// Eight rows by two vectors of C: sixteen accumulators, twice the multiply-adds that two full-width pipes keep in
    /// flight over their latency, each value of A broadcast once for two of them and each load of B serving eight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8x2<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        TVector init0, TVector init1, bool accumulate, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        TVector c00 = init0, c01 = init1, c10 = init0, c11 = init1, c20 = init0, c21 = init1, c30 = init0, c31 = init1;
        TVector c40 = init0, c41 = init1, c50 = init0, c51 = init1, c60 = init0, c61 = init1, c70 = init0, c71 = init1;
        if (accumulate)
        {
            ref T lower = ref Unsafe.Add(ref c, 4 * columns);
            (c00, c01, c10, c11) = (TWidth.Load(ref c, 0), TWidth.Load(ref c, width), TWidth.Load(ref c, columns), TWidth.Load(ref c, columns + width));
            (c20, c21, c30, c31) = (TWidth.Load(ref c, 2 * columns), TWidth.Load(ref c, 2 * columns + width), TWidth.Load(ref c, 3 * columns), TWidth.Load(ref c, 3 * columns + width));
            (c40, c41, c50, c51) = (TWidth.Load(ref lower, 0), TWidth.Load(ref lower, width), TWidth.Load(ref lower, columns), TWidth.Load(ref lower, columns + width));
            (c60, c61, c70, c71) = (TWidth.Load(ref lower, 2 * columns), TWidth.Load(ref lower, 2 * columns + width), TWidth.Load(ref lower, 3 * columns), TWidth.Load(ref lower, 3 * columns + width));
        }
        ref T a0 = ref a;
        ref T a4 = ref Unsafe.Add(ref a, 4 * aRowStride);
        nint s1 = aRowStride, s2 = 2 * aRowStride, s3 = 3 * aRowStride;
        ref T bRow = ref b;
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TWidth.Load(ref bRow, 0);
            TVector b1 = TWidth.Load(ref bRow, width);
            TVector x = TWidth.Broadcast(a0);
            c00 = TWidth.MultiplyAdd(x, b0, c00);
            c01 = TWidth.MultiplyAdd(x, b1, c01);
            x = TWidth.Broadcast(Unsafe.Add(ref a0, s1));
            c10 = TWidth.MultiplyAdd(x, b0, c10);
            c11 = TWidth.MultiplyAdd(x, b1, c11);
            x = TWidth.Broadcast(Unsafe.Add(ref a0, s2));
            c20 = TWidth.MultiplyAdd(x, b0, c20);
            c21 = TWidth.MultiplyAdd(x, b1, c21);
            x = TWidth.Broadcast(Unsafe.Add(ref a0, s3));
            c30 = TWidth.MultiplyAdd(x, b0, c30);
            c31 = TWidth.MultiplyAdd(x, b1, c31);
            x = TWidth.Broadcast(a4);
            c40 = TWidth.MultiplyAdd(x, b0, c40);
            c41 = TWidth.MultiplyAdd(x, b1, c41);
            x = TWidth.Broadcast(Unsafe.Add(ref a4, s1));
            c50 = TWidth.MultiplyAdd(x, b0, c50);
            c51 = TWidth.MultiplyAdd(x, b1, c51);
            x = TWidth.Broadcast(Unsafe.Add(ref a4, s2));
            c60 = TWidth.MultiplyAdd(x, b0, c60);
            c61 = TWidth.MultiplyAdd(x, b1, c61);
            x = TWidth.Broadcast(Unsafe.Add(ref a4, s3));
            c70 = TWidth.MultiplyAdd(x, b0, c70);
            c71 = TWidth.MultiplyAdd(x, b1, c71);
            bRow = ref Unsafe.Add(ref bRow, bStride);
            a0 = ref Unsafe.Add(ref a0, aDepthStride);
            a4 = ref Unsafe.Add(ref a4, aDepthStride);
        }
        TWidth.Store(c00, ref c, 0);
        TWidth.Store(c01, ref c, width);
        TWidth.Store(c10, ref c, columns);
        TWidth.Store(c11, ref c, columns + width);
        TWidth.Store(c20, ref c, 2 * columns);
        TWidth.Store(c21, ref c, 2 * columns + width);
        TWidth.Store(c30, ref c, 3 * columns);
        TWidth.Store(c31, ref c, 3 * columns + width);
        ref T c4 = ref Unsafe.Add(ref c, 4 * columns);
        TWidth.Store(c40, ref c4, 0);
        TWidth.Store(c41, ref c4, width);
        TWidth.Store(c50, ref c4, columns);
        TWidth.Store(c51, ref c4, columns + width);
        TWidth.Store(c60, ref c4, 2 * columns);
        TWidth.Store(c61, ref c4, 2 * columns + width);
        TWidth.Store(c70, ref c4, 3 * columns);
        TWidth.Store(c71, ref c4, 3 * columns + width);
    }

    /// <summary><see cref="BlockRowsBy4"/> of <typeparamref name="TRows"/>, or of its <see cref="Prefetching{TRows}"/> copy when <paramref name="ahead"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunBlockRowsBy4<T, TVector, TWidth, TRows, TActivation>(bool ahead, ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        ref T init, bool hasInit, int j, bool accumulate, int columns, int depth, ref T aheadFrom, int aheadSteps, bool finishes, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TRows : struct, IBlockRows
        where TActivation : IActivation<T>
    {
        if (ahead)
            BlockRowsBy4<T, TVector, TWidth, Prefetching<TRows>, TActivation>(ref a, aRowStride, aDepthStride, ref b, bStride, ref c, ref init, hasInit, j,
                accumulate, columns, depth, ref aheadFrom, aheadSteps, finishes, argument);
        else
            BlockRowsBy4<T, TVector, TWidth, TRows, TActivation>(ref a, aRowStride, aDepthStride, ref b, bStride, ref c, ref init, hasInit, j,
                accumulate, columns, depth, ref aheadFrom, aheadSteps, finishes, argument);
    }

    /// <summary>
    /// Six rows (or five or four, as <typeparamref name="TRows"/> says) by four vectors of C: 24 accumulators, each value of A
    /// broadcast once for four of them and each load of B serving six, so that ten loads feed 24 multiply-adds (four
    /// rows: eight loads for 16; see <see cref="MultiplyPanels"/>). C starts from
    /// <paramref name="init"/>'s columns from <paramref name="j"/> when <paramref name="hasInit"/>, from zero otherwise,
    /// or from what it holds when <paramref name="accumulate"/>; where <paramref name="finishes"/>, its sums are complete and
    /// are stored through <typeparamref name="TActivation"/>. Where <typeparamref name="TRows"/> says so, each of its first
    /// <paramref name="aheadSteps"/> steps of the depth also asks L2 for two lines from <paramref name="ahead"/> on (the next
    /// slice; see <see cref="MultiplyPanels"/>). Out of line, compiled fully optimized at its first call:
    /// <see cref="MultiplyPanels"/> has no inlining budget left for it beside the two-vector blocks, and left to tiered
    /// compilation it ran unoptimized through the first calls and then on another shape's profile.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void BlockRowsBy4<T, TVector, TWidth, TRows, TActivation>(ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        ref T init, bool hasInit, int j, bool accumulate, int columns, int depth, ref T ahead, int aheadSteps, bool finishes, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TRows : struct, IBlockRows
        where TActivation : IActivation<T>
    {
        // JIT-time constants: the four-row copy compiles without rows four and five, the five-row copy without row five.
        bool five = TRows.Rows > 4, six = TRows.Rows > 5;
        int width = TWidth.Count;
        TVector i0 = hasInit ? TWidth.Load(ref init, j) : TWidth.Zero, i1 = hasInit ? TWidth.Load(ref init, j + width) : TWidth.Zero;
        TVector i2 = hasInit ? TWidth.Load(ref init, j + 2 * width) : TWidth.Zero, i3 = hasInit ? TWidth.Load(ref init, j + 3 * width) : TWidth.Zero;
        TVector c00 = i0, c01 = i1, c02 = i2, c03 = i3, c10 = i0, c11 = i1, c12 = i2, c13 = i3, c20 = i0, c21 = i1, c22 = i2, c23 = i3;
        TVector c30 = i0, c31 = i1, c32 = i2, c33 = i3, c40 = i0, c41 = i1, c42 = i2, c43 = i3, c50 = i0, c51 = i1, c52 = i2, c53 = i3;
        ref T c3 = ref Unsafe.Add(ref c, 3 * columns);
        if (accumulate)
        {
            (c00, c01, c02, c03) = (TWidth.Load(ref c, 0), TWidth.Load(ref c, width), TWidth.Load(ref c, 2 * width), TWidth.Load(ref c, 3 * width));
            (c10, c11, c12, c13) = (TWidth.Load(ref c, columns), TWidth.Load(ref c, columns + width), TWidth.Load(ref c, columns + 2 * width), TWidth.Load(ref c, columns + 3 * width));
            (c20, c21, c22, c23) = (TWidth.Load(ref c, 2 * columns), TWidth.Load(ref c, 2 * columns + width), TWidth.Load(ref c, 2 * columns + 2 * width), TWidth.Load(ref c, 2 * columns + 3 * width));
            (c30, c31, c32, c33) = (TWidth.Load(ref c3, 0), TWidth.Load(ref c3, width), TWidth.Load(ref c3, 2 * width), TWidth.Load(ref c3, 3 * width));
            if (five)
                (c40, c41, c42, c43) = (TWidth.Load(ref c3, columns), TWidth.Load(ref c3, columns + width), TWidth.Load(ref c3, columns + 2 * width), TWidth.Load(ref c3, columns + 3 * width));
            if (six)
                (c50, c51, c52, c53) = (TWidth.Load(ref c3, 2 * columns), TWidth.Load(ref c3, 2 * columns + width), TWidth.Load(ref c3, 2 * columns + 2 * width), TWidth.Load(ref c3, 2 * columns + 3 * width));
        }
        ref T a0 = ref a;
        ref T a3 = ref Unsafe.Add(ref a, 3 * aRowStride);
        nint s1 = aRowStride, s2 = 2 * aRowStride;
        ref T bRow = ref b;
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TWidth.Load(ref bRow, 0), b1 = TWidth.Load(ref bRow, width), b2 = TWidth.Load(ref bRow, 2 * width), b3 = TWidth.Load(ref bRow, 3 * width);
            TVector x = TWidth.Broadcast(a0);
            c00 = TWidth.MultiplyAdd(x, b0, c00); c01 = TWidth.MultiplyAdd(x, b1, c01); c02 = TWidth.MultiplyAdd(x, b2, c02); c03 = TWidth.MultiplyAdd(x, b3, c03);
            x = TWidth.Broadcast(Unsafe.Add(ref a0, s1));
            c10 = TWidth.MultiplyAdd(x, b0, c10); c11 = TWidth.MultiplyAdd(x, b1, c11); c12 = TWidth.MultiplyAdd(x, b2, c12); c13 = TWidth.MultiplyAdd(x, b3, c13);
            x = TWidth.Broadcast(Unsafe.Add(ref a0, s2));
            c20 = TWidth.MultiplyAdd(x, b0, c20); c21 = TWidth.MultiplyAdd(x, b1, c21); c22 = TWidth.MultiplyAdd(x, b2, c22); c23 = TWidth.MultiplyAdd(x, b3, c23);
            x = TWidth.Broadcast(a3);
            c30 = TWidth.MultiplyAdd(x, b0, c30); c31 = TWidth.MultiplyAdd(x, b1, c31); c32 = TWidth.MultiplyAdd(x, b2, c32); c33 = TWidth.MultiplyAdd(x, b3, c33);
            if (five)
            {
                x = TWidth.Broadcast(Unsafe.Add(ref a3, s1));
                c40 = TWidth.MultiplyAdd(x, b0, c40); c41 = TWidth.MultiplyAdd(x, b1, c41); c42 = TWidth.MultiplyAdd(x, b2, c42); c43 = TWidth.MultiplyAdd(x, b3, c43);
            }
            if (six)
            {
                x = TWidth.Broadcast(Unsafe.Add(ref a3, s2));
                c50 = TWidth.MultiplyAdd(x, b0, c50); c51 = TWidth.MultiplyAdd(x, b1, c51); c52 = TWidth.MultiplyAdd(x, b2, c52); c53 = TWidth.MultiplyAdd(x, b3, c53);
            }
            if (TRows.Ahead && p < aheadSteps)
            {
                Prefetch.ToL2(ref ahead, (nint)p * 2 * Alignment.Bytes);
                Prefetch.ToL2(ref ahead, (nint)(p * 2 + 1) * Alignment.Bytes);
            }
            bRow = ref Unsafe.Add(ref bRow, bStride);
            a0 = ref Unsafe.Add(ref a0, aDepthStride);
            a3 = ref Unsafe.Add(ref a3, aDepthStride);
        }
        if (typeof(TActivation) != typeof(IdentityActivation<T>) && finishes)
        {
            TVector f = TWidth.Broadcast(argument);
            (c00, c01, c02, c03) = (TWidth.Forward<TActivation>(c00, f), TWidth.Forward<TActivation>(c01, f), TWidth.Forward<TActivation>(c02, f), TWidth.Forward<TActivation>(c03, f));
            (c10, c11, c12, c13) = (TWidth.Forward<TActivation>(c10, f), TWidth.Forward<TActivation>(c11, f), TWidth.Forward<TActivation>(c12, f), TWidth.Forward<TActivation>(c13, f));
            (c20, c21, c22, c23) = (TWidth.Forward<TActivation>(c20, f), TWidth.Forward<TActivation>(c21, f), TWidth.Forward<TActivation>(c22, f), TWidth.Forward<TActivation>(c23, f));
            (c30, c31, c32, c33) = (TWidth.Forward<TActivation>(c30, f), TWidth.Forward<TActivation>(c31, f), TWidth.Forward<TActivation>(c32, f), TWidth.Forward<TActivation>(c33, f));
            if (five)
                (c40, c41, c42, c43) = (TWidth.Forward<TActivation>(c40, f), TWidth.Forward<TActivation>(c41, f), TWidth.Forward<TActivation>(c42, f), TWidth.Forward<TActivation>(c43, f));
            if (six)
                (c50, c51, c52, c53) = (TWidth.Forward<TActivation>(c50, f), TWidth.Forward<TActivation>(c51, f), TWidth.Forward<TActivation>(c52, f), TWidth.Forward<TActivation>(c53, f));
        }
        TWidth.Store(c00, ref c, 0); TWidth.Store(c01, ref c, width); TWidth.Store(c02, ref c, 2 * width); TWidth.Store(c03, ref c, 3 * width);
        TWidth.Store(c10, ref c, columns); TWidth.Store(c11, ref c, columns + width); TWidth.Store(c12, ref c, columns + 2 * width); TWidth.Store(c13, ref c, columns + 3 * width);
        TWidth.Store(c20, ref c, 2 * columns); TWidth.Store(c21, ref c, 2 * columns + width); TWidth.Store(c22, ref c, 2 * columns + 2 * width); TWidth.Store(c23, ref c, 2 * columns + 3 * width);
        TWidth.Store(c30, ref c3, 0); TWidth.Store(c31, ref c3, width); TWidth.Store(c32, ref c3, 2 * width); TWidth.Store(c33, ref c3, 3 * width);
        if (!five)
            return;
        TWidth.Store(c40, ref c3, columns); TWidth.Store(c41, ref c3, columns + width); TWidth.Store(c42, ref c3, columns + 2 * width); TWidth.Store(c43, ref c3, columns + 3 * width);
        if (!six)
            return;
        TWidth.Store(c50, ref c3, 2 * columns); TWidth.Store(c51, ref c3, 2 * columns + width); TWidth.Store(c52, ref c3, 2 * columns + 2 * width); TWidth.Store(c53, ref c3, 2 * columns + 3 * width);
    }

    /// <summary>Four rows by two vectors of C: eight accumulators stay in registers through the whole depth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x2<T, TVector, TWidth>(ref T a, nint aRowStride, nint aDepthStride, ref T b, nint bStride, ref T c,
        TVector init0, TVector init1, bool accumulate, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        TVector c00 = init0, c01 = init1, c10 = init0, c11 = init1, c20 = init0, c21 = init1, c30 = init0, c31 = init1;
        if (accumulate)
        {
            (c00, c01, c10, c11) = (TWidth.Load(ref c, 0), TWidth.Load(ref c, width), TWidth.Load(ref c, columns), TWidth.Load(ref c, columns + width));
            (c20, c21, c30, c31) = (TWidth.Load(ref c, 2 * columns), TWidth.Load(ref c, 2 * columns + width), TWidth.Load(ref c, 3 * columns), TWidth.Load(ref c, 3 * columns + width));
        }
        ref T a0 = ref a;
        ref T a1 = ref Unsafe.Add(ref a, aRowStride);
        ref T a2 = ref Unsafe.Add(ref a, 2 * aRowStride);
        ref T a3 = ref Unsafe.Add(ref a, 3 * aRowStride);
        ref T bRow = ref b;
        nint ap = 0;
        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TWidth.Load(ref bRow, 0);
            TVector b1 = TWidth.Load(ref bRow, width);
            TVector x = TWidth.Broadcast(Unsafe.Add(ref a0, ap));
            c00 = TWidth.MultiplyAdd(x, b0, c00);
            c01 = TWidth.MultiplyAdd(x, b1, c01);
            x = TWidth.Broadcast(Unsafe.Add(ref a1, ap));
            c10 = TWidth.MultiplyAdd(x, b0, c10);
            c11 = TWidth.MultiplyAdd(x, b1, c11);
            x = TWidth.Broadcast(Unsafe.Add(ref a2, ap));
            c20 = TWidth.MultiplyAdd(x, b0, c20);
            c21 = TWidth.MultiplyAdd(x, b1, c21);
            x = TWidth.Broadcast(Unsafe.Add(ref a3, ap));
            c30 = TWidth.MultiplyAdd(x, b0, c30);
            c31 = TWidth.MultiplyAdd(x, b1, c31);
            bRow = ref Unsafe.Add(ref bRow, bStride);
            ap += aDepthStride;
        }
        TWidth.Store(c00, ref c, 0);
        TWidth.Store(c01, ref c, width);
        TWidth.Store(c10, ref c, columns);
        TWidth.Store(c11, ref c, columns + width);
        TWidth.Store(c20, ref c, 2 * columns);
        TWidth.Store(c21, ref c, 2 * columns + width);
        TWidth.Store(c30, ref c, 3 * columns);
        TWidth.Store(c31, ref c, 3 * columns + width);
    }

    /// <summary>
    /// The rows of a block over four vectors of columns (<see cref="BlockRowsBy4"/>), and whether it also asks L2 for the
    /// lines of the slice after its own, as a type whose copy of the block the JIT compiles apart.
    /// </summary>
    private interface IBlockRows
    {
        /// <summary>Four, five or six.</summary>
        static abstract int Rows { get; }

        static abstract bool Ahead { get; }
    }

    private readonly struct SixRowBlock : IBlockRows
    {
        public static int Rows => 6;

        public static bool Ahead => false;
    }

    private readonly struct FiveRowBlock : IBlockRows
    {
        public static int Rows => 5;

        public static bool Ahead => false;
    }

    private readonly struct FourRowBlock : IBlockRows
    {
        public static int Rows => 4;

        public static bool Ahead => false;
    }

    /// <summary>The block of <typeparamref name="TRows"/>, also asking L2 for the next slice's lines.</summary>
    private readonly struct Prefetching<TRows> : IBlockRows where TRows : struct, IBlockRows
    {
        public static int Rows => TRows.Rows;

        public static bool Ahead => true;
    }
}
