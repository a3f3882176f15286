using System;
using System.Numerics;

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
        T inverseBatch = T.One / T.CreateChecked(meanOver);
        T total = T.Zero;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> z = logits.Slice(s * classes, classes);
            ReadOnlySpan<T> t = targets.Slice(s * classes, classes);
            Span<T> g = gradient.Slice(s * classes, classes);
            T max = Activations.RowMax(z);
            T logSumExp = max + T.Log(Activations.ExponentiateShifted(z, g, max));
            T targetSum = T.Zero;
            for (int j = 0; j < classes; j++)
            {
                if (t[j] != T.Zero)
                {
                    total += t[j] * (logSumExp - z[j]);
                    targetSum += t[j];
                }
            }
            // g holds e^(z − m); softmax is that over its sum, e^(z − lse).
            T probabilityScale = T.Exp(max - logSumExp) * targetSum;
            for (int j = 0; j < classes; j++)
                g[j] = (g[j] * probabilityScale - t[j]) * inverseBatch;
        }
        return total * inverseBatch;
    }
}
