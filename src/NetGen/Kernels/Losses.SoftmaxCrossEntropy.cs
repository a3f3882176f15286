using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Cross-entropy of a softmax layer computed from its logits z, stable for any z: per row,
    /// <c>lse = m + log Σ e^(z − m)</c> with m the row maximum, loss <c>Σⱼ tⱼ·(lse − zⱼ)</c>.
    /// Returns the mean over the batch and writes the gradient at the logits,
    /// <c>(softmax(z)·Σt − t) / batch</c>.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, Span<T> gradient, int batch, int classes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => SoftmaxCrossEntropy(logits, targets, gradient, batch, classes, batch);

    /// <summary>
    /// The part of a larger batch's mean cross-entropy that these <paramref name="batch"/> rows
    /// contribute: the sum of their losses over <paramref name="meanOver"/>, and gradients divided likewise.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, Span<T> gradient, int batch, int classes, int meanOver)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(logits, batch * classes, nameof(logits));
        Checks.Length(targets, batch * classes, nameof(targets));
        Checks.Length(gradient, batch * classes, nameof(gradient));

        // Shift every row by its maximum, then exponentiate the whole batch in one vectorized pass
        // (one call for all rows is far cheaper than a scalar exp per value).
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> z = logits.Slice(s * classes, classes);
            Span<T> g = gradient.Slice(s * classes, classes);
            T max = Activations.RowMax(z);
            if (classes >= 2 * Vector<T>.Count)
            {
                TensorPrimitives.Subtract(z, max, g);
                continue;
            }
            for (int j = 0; j < classes; j++)
                g[j] = z[j] - max;
        }
        FastMath.Exp<T>(gradient, gradient);

        // Each row's Σ e^(z − m) lies in [1, classes], so a run of rows can share one logarithm of
        // their product as long as the product stays far from overflow.
        T inverseMean = T.One / T.CreateChecked(meanOver);
        T limit = ProductLimit<T>();
        T total = T.Zero, product = T.One;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> z = logits.Slice(s * classes, classes);
            ReadOnlySpan<T> t = targets.Slice(s * classes, classes);
            Span<T> g = gradient.Slice(s * classes, classes);
            T max = Activations.RowMax(z);
            T sum = T.Zero, targetSum = T.Zero;
            for (int j = 0; j < classes; j++)
            {
                // e⁰ is exactly 1: keep it so, whatever the vectorized exp's last bit does.
                if (z[j] == max)
                    g[j] = T.One;
                sum += g[j];
                if (t[j] != T.Zero)
                {
                    total += t[j] * (max - z[j]);
                    targetSum += t[j];
                }
            }
            if (targetSum == T.One)
            {
                if (product > limit / sum)
                {
                    total += T.Log(product);
                    product = T.One;
                }
                product *= sum;
            }
            else
            {
                total += targetSum * T.Log(sum);
            }
            // g holds e^(z − m); softmax is that over its sum.
            T probabilityScale = targetSum / sum;
            for (int j = 0; j < classes; j++)
                g[j] = (g[j] * probabilityScale - t[j]) * inverseMean;
        }
        total += T.Log(product);
        return total * inverseMean;
    }
}
