using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Cross-entropy of a softmax layer against class labels, from its logits z, stable for any z: per
    /// row with label c, <c>lse − z_c</c> where <c>lse = m + log Σ e^(z − m)</c> and m is the row
    /// maximum. Returns the sum of the rows' losses over <paramref name="meanOver"/> and writes the
    /// gradient at the logits, <c>(softmax(z) − onehot(c)) / meanOver</c>.
    /// </summary>
    /// <remarks>
    /// Bit for bit what
    /// <see cref="SoftmaxCrossEntropy{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int)"/>
    /// computes from one-hot target rows, without the rows: building them and reading them back cost a
    /// classifier's small training step about as much as the loss itself.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// A span does not hold <paramref name="batch"/> rows, or a label is outside 0 to
    /// <paramref name="classes"/> − 1.
    /// </exception>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int batch, int classes, int meanOver)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(logits, batch * classes, nameof(logits));
        Checks.Length(labels, batch, nameof(labels));
        Checks.Length(gradient, batch * classes, nameof(gradient));
        Targets.CheckInRange(labels, classes);
        T inverseMean = T.One / T.CreateChecked(meanOver);
        if (SoftmaxCrossEntropyShortRows(logits, labels, gradient, batch, classes, inverseMean, out T rowLosses))
            return rowLosses * inverseMean;
        ref T z = ref MemoryMarshal.GetReference(logits);
        ref T g = ref MemoryMarshal.GetReference(gradient);
        ref int label = ref MemoryMarshal.GetReference(labels);

        // Shift every row by its maximum, then exponentiate the whole batch in one vectorized pass:
        // the batch is long even when its rows are not.
        for (int s = 0; s < batch; s++)
        {
            int row = s * classes;
            T max = LabelRowMax(logits, ref z, row, classes);
            if (classes >= 2 * Vector<T>.Count)
            {
                TensorPrimitives.Subtract(logits.Slice(row, classes), max, gradient.Slice(row, classes));
                continue;
            }
            for (int j = row; j < row + classes; j++)
            {
                // The maximum's own shift is exactly 0 (FastMath's e⁰ is exactly 1) unless the maximum
                // is infinite, where ∞ − ∞ would be NaN: a test of that rare case, rather than of which
                // value is the maximum, which a branch predictor cannot guess.
                T shifted = Unsafe.Add(ref z, j) - max;
                if (T.IsNaN(shifted) && Unsafe.Add(ref z, j) == max)
                    shifted = T.Zero;
                Unsafe.Add(ref g, j) = shifted;
            }
        }
        FastMath.Exp<T>(gradient, gradient);

        // Each row's Σ e^(z − m) lies in [1, classes], so a run of rows can share one logarithm of
        // their product as long as the product stays far from overflow.
        T limit = ProductLimit<T>();
        T total = T.Zero, product = T.One;
        for (int s = 0; s < batch; s++)
        {
            int row = s * classes;
            T max = LabelRowMax(logits, ref z, row, classes);
            T sum = T.Zero;
            for (int j = row; j < row + classes; j++)
                sum += Unsafe.Add(ref g, j);
            int target = row + Unsafe.Add(ref label, s);
            T targetExp = Unsafe.Add(ref g, target);
            total += max - Unsafe.Add(ref z, target);
            if (product > limit / sum)
            {
                total += T.Log(product);
                product = T.One;
            }
            product *= sum;
            // g holds e^(z − m); softmax is that over its sum.
            T probabilityScale = T.One / sum;
            for (int j = row; j < row + classes; j++)
                Unsafe.Add(ref g, j) = Unsafe.Add(ref g, j) * probabilityScale * inverseMean;
            Unsafe.Add(ref g, target) = (targetExp * probabilityScale - T.One) * inverseMean;
        }
        total += T.Log(product);
        return total * inverseMean;
    }

    /// <summary>The largest logit of one row, found as <see cref="Activations.RowMax{T}"/> finds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LabelRowMax<T>(ReadOnlySpan<T> logits, ref T z, int row, int classes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (classes >= 2 * Vector<T>.Count)
            return Activations.RowMax(logits.Slice(row, classes));
        T max = Unsafe.Add(ref z, row);
        for (int j = row + 1; j < row + classes; j++)
            max = T.Max(max, Unsafe.Add(ref z, j));
        return max;
    }
}
