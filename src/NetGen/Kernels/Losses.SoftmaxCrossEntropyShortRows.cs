using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Losses
{
    /// <summary>
    /// The labels' cross-entropy of rows no longer than half a vector, several rows to a vector: a classifier of a
    /// few classes, whose row-by-row loop spent most of a small training step on loop control. Each lane brings in
    /// its row-mates with permutes, and takes the row's maximum and sum in the order the row-by-row loop does, so that
    /// the loss and every gradient value are bit for bit what that loop computes. False where no accelerated width
    /// with a permute holds two rows, and for a single class. The loss returned is the rows' sum, not yet over the mean.
    /// </summary>
    private static bool SoftmaxCrossEntropyShortRows<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int batch, int classes, T inverseMean, out T total)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        total = T.Zero;
        // A single class leaves nothing to permute; the widest width first, whose vectors share their exponentials
        // among the most rows.
        if (classes < 2)
            return false;
        if (Width512<T>.HasPermute && 2 * classes <= Vector512<T>.Count)
            total = ShortRows<T, Vector512<T>, Width512<T>>(logits, labels, gradient, batch, classes, inverseMean);
        else if (Width256<T>.HasPermute && 2 * classes <= Vector256<T>.Count)
            total = ShortRows<T, Vector256<T>, Width256<T>>(logits, labels, gradient, batch, classes, inverseMean);
        else if (Width128<T>.HasPermute && 2 * classes <= Vector128<T>.Count)
            total = ShortRows<T, Vector128<T>, Width128<T>>(logits, labels, gradient, batch, classes, inverseMean);
        else
            return false;
        return true;
    }

    /// <summary>
    /// The sum of the rows' losses, and the gradient times <paramref name="inverseMean"/>, a vector of rows at a time
    /// (T is float, whose lanes are as wide as the labels).
    /// </summary>
    [SkipLocalsInit]
    private static T ShortRows<T, TVector, TWidth>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int batch, int classes, T inverseMean)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count, rowsPerVector = width / classes;
        ref T lanes = ref MemoryMarshal.GetReference(ShortRowLanes<T, TVector, TWidth>.For(classes));
        Span<T> rowValues = stackalloc T[3 * RowLossVectors * width];
        T total = T.Zero, product = T.One;

        // The rows whose vector of logits, half vector of labels and vector of gradient lie within the batch, in
        // blocks, on the caller's memory. With two classes or more, the labels' half vector reaches furthest.
        int lastStart = batch - width / 2;
        int wholeRows = lastStart < 0 ? 0 : (lastStart / rowsPerVector + 1) * rowsPerVector;
        ref T z = ref MemoryMarshal.GetReference(logits);
        ref T label = ref Unsafe.As<int, T>(ref MemoryMarshal.GetReference(labels));
        ref T g = ref MemoryMarshal.GetReference(gradient);
        for (int first = 0; first < wholeRows; first += RowLossVectors * rowsPerVector)
        {
            int rows = Math.Min(RowLossVectors * rowsPerVector, wholeRows - first);
            ShortRowBlock<T, TVector, TWidth>(ref Unsafe.Add(ref z, first * classes), ref Unsafe.Add(ref label, first), ref Unsafe.Add(ref g, first * classes),
                rows, classes, inverseMean, ref lanes, rowValues);
            AddRowLosses(rowValues, rows, classes, rowsPerVector, width, ref total, ref product);
        }

        // The rest, fewer rows than half a vector has lanes, through a copy.
        int tailRows = batch - wholeRows;
        if (tailRows > 0)
        {
            int tailValues = tailRows * classes;
            Span<T> tail = stackalloc T[2 * tailValues + tailRows + 2 * width];
            Span<T> tailLogits = tail[..(tailValues + width)], tailLabels = tail.Slice(tailValues + width, tailRows + width), tailGradient = tail[^(tailValues + width)..];
            logits[(wholeRows * classes)..].CopyTo(tailLogits);
            MemoryMarshal.Cast<int, T>(labels[wholeRows..]).CopyTo(tailLabels);
            ShortRowBlock<T, TVector, TWidth>(ref MemoryMarshal.GetReference(tailLogits), ref MemoryMarshal.GetReference(tailLabels), ref MemoryMarshal.GetReference(tailGradient),
                tailRows, classes, inverseMean, ref lanes, rowValues);
            tailGradient[..tailValues].CopyTo(gradient[(wholeRows * classes)..]);
            AddRowLosses(rowValues, tailRows, classes, rowsPerVector, width, ref total, ref product);
        }
        return total + T.Log(product);
    }

    /// <summary>Vectors of rows whose losses wait in the buffer before <see cref="AddRowLosses"/> adds them.</summary>
    private const int RowLossVectors = 8;

    /// <summary>
    /// The gradient of up to <see cref="RowLossVectors"/> vectors of rows, and for each row (on each of its lanes) its
    /// maximum − z_c, its sum and the product limit over its sum, in three runs of <paramref name="rowValues"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShortRowBlock<T, TVector, TWidth>(ref T z, ref T label, ref T g, int rows, int classes, T inverseMean, ref T lanes, Span<T> rowValues)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count, rowsPerVector = width / classes;
        TVector one = TWidth.One, mean = TWidth.Broadcast(inverseMean), limit = TWidth.Broadcast(ProductLimit<T>());
        TVector laneInRow = TWidth.Load(ref lanes, 0), rowOfLane = TWidth.Load(ref lanes, width);
        ref T values = ref MemoryMarshal.GetReference(rowValues);
        // Lanes past a vector's whole rows hold values of the rows after (or, in a copy, anything): no permute brings
        // them into a whole row, and the next vector's store overwrites their gradient.
        for (int first = 0, slot = 0; first < rows; first += rowsPerVector, slot += width)
        {
            TVector x = TWidth.Load(ref z, first * classes);
            TVector max = RowMates<T, TVector, TWidth>(x, ref lanes, 0);
            for (int j = 1; j < classes; j++)
                max = TWidth.Max(max, RowMates<T, TVector, TWidth>(x, ref lanes, j));
            // The maximum's own shift is exactly 0 unless the maximum is infinite, where ∞ − ∞ would be NaN.
            TVector shifted = TWidth.Subtract(x, max);
            shifted = TWidth.AndNot(shifted, TWidth.And(TWidth.IsNaN(shifted), TWidth.Equal(x, max)));
            TVector exponentials = TWidth.Apply<FastMath.ExpOperator<T>>(shifted);
            TVector sum = RowSums<T, TVector, TWidth>(exponentials, ref lanes, classes);
            TVector probabilities = TWidth.Multiply(exponentials, TWidth.Divide(one, sum));
            TVector isTarget = TWidth.EqualIntegers(TWidth.Permute(TWidth.LoadHalf(ref label, first), rowOfLane), laneInRow);
            TWidth.Store(TWidth.Multiply(TWidth.ConditionalSelect(isTarget, TWidth.Subtract(probabilities, one), probabilities), mean), ref g, first * classes);
            // max − z_c on the label's lane and 0 on the others: summed, on each of the row's lanes.
            TWidth.Store(RowSums<T, TVector, TWidth>(TWidth.And(isTarget, TWidth.Subtract(max, x)), ref lanes, classes), ref values, slot);
            TWidth.Store(sum, ref values, RowLossVectors * width + slot);
            TWidth.Store(TWidth.Divide(limit, sum), ref values, 2 * RowLossVectors * width + slot);
        }
    }

    /// <summary>Each lane the sum of its row's values, added in the row's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RowSums<T, TVector, TWidth>(TVector x, ref T lanes, int classes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector sum = RowMates<T, TVector, TWidth>(x, ref lanes, 0);
        for (int j = 1; j < classes; j++)
            sum = TWidth.Add(sum, RowMates<T, TVector, TWidth>(x, ref lanes, j));
        return sum;
    }

    /// <summary>Each lane value <paramref name="j"/> of its row, by <see cref="ShortRowLanes{T, TVector, TWidth}"/>' permute j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RowMates<T, TVector, TWidth>(TVector x, ref T lanes, int j)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        => TWidth.Permute(x, TWidth.Load(ref lanes, (2 + j) * TWidth.Count));

    /// <summary>
    /// The loss of <paramref name="rows"/> rows laid out a vector at a time, row by row in order as the row-by-row loop
    /// sums it: the row's <c>lse − z_c</c> is its maximum − z_c plus the log of its sum, whose logs are taken a product
    /// of rows at a time, before the product passes the limit over the next sum. Each row's values are on its first
    /// lane, in <see cref="ShortRowBlock"/>'s three runs. Apart from the vector work, so that the running total and
    /// product stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRowLosses<T>(ReadOnlySpan<T> rowValues, int rows, int classes, int rowsPerVector, int width, ref T total, ref T product)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int run = RowLossVectors * width;
        ReadOnlySpan<T> terms = rowValues[..run], sums = rowValues.Slice(run, run), limits = rowValues[(2 * run)..];
        T runningTotal = total, runningProduct = product;
        for (int first = 0, slot = 0; first < rows; first += rowsPerVector, slot += width)
        {
            int end = slot + Math.Min(rowsPerVector, rows - first) * classes;
            for (int row = slot; row < end; row += classes)
            {
                runningTotal += terms[row];
                if (runningProduct > limits[row])
                {
                    runningTotal += T.Log(runningProduct);
                    runningProduct = T.One;
                }
                runningProduct *= sums[row];
            }
        }
        (total, product) = (runningTotal, runningProduct);
    }

    /// <summary>
    /// How far a product of rows' sums may grow before its logarithm is taken: each sum lies in [1, classes], so the
    /// product stays far from overflow.
    /// </summary>
    private static T ProductLimit<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateChecked(typeof(T) == typeof(float) ? 1e30 : 1e300);

    /// <summary>
    /// For each row length from 2 to half a vector, the lanes <see cref="ShortRows"/> permutes by, as integers in
    /// vectors of T: each lane's place in its row, its row in the vector, then for each j the lane of its row's value
    /// j. Lanes past the vector's last whole row point at themselves.
    /// </summary>
    private static class ShortRowLanes<T, TVector, TWidth>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        private static readonly T[] s_lanes = Build();

        public static ReadOnlySpan<T> For(int classes) => s_lanes.AsSpan(Offset(classes), (classes + 2) * TWidth.Count);

        private static int Offset(int classes) => ((classes + 1) * (classes + 2) / 2 - 6) * TWidth.Count;

        private static T[] Build()
        {
            int width = TWidth.Count;
            var lanes = new T[Offset(width / 2 + 1)];
            Span<int> bits = MemoryMarshal.Cast<T, int>(lanes.AsSpan());
            for (int classes = 2; classes <= width / 2; classes++)
            {
                Span<int> table = bits.Slice(Offset(classes), (classes + 2) * width);
                int used = width / classes * classes;
                for (int k = 0; k < width; k++)
                {
                    bool inRow = k < used;
                    table[k] = inRow ? k % classes : -1;
                    table[width + k] = inRow ? k / classes : k;
                    for (int j = 0; j < classes; j++)
                        table[(2 + j) * width + k] = inRow ? k / classes * classes + j : k;
                }
            }
            return lanes;
        }
    }
}
