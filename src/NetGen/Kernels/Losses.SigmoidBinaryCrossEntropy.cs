using System;
using System.Numerics;

namespace NetGen.Kernels;

public static partial class Losses
{
    /// <summary>
    /// Binary cross-entropy of a sigmoid layer computed from its logits z, stable for any z:
    /// <c>max(z, 0) − z·t + log(1 + e^−|z|)</c> per value. Returns the mean over all n values and writes
    /// the gradient at the logits, <c>(σ(z) − t) / n</c>.
    /// </summary>
    public static T SigmoidBinaryCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, Span<T> gradient)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => SigmoidBinaryCrossEntropy(logits, targets, gradient, logits.Length);

    /// <summary>The part of a larger batch's mean binary cross-entropy that these values contribute: sums over <paramref name="meanOver"/>.</summary>
    public static T SigmoidBinaryCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, Span<T> gradient, int meanOver)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = logits.Length;
        Checks.Length(targets, n, nameof(targets));
        Checks.Length(gradient, n, nameof(gradient));
        T inverseCount = T.One / T.CreateChecked(meanOver);
        T total = T.Zero;
        for (int k = 0; k < n; k++)
        {
            T z = logits[k], t = targets[k];
            T e = T.Exp(-T.Abs(z));
            total += T.Max(z, T.Zero) - z * t + T.Log(T.One + e);
            // σ(z) from e^−|z| never overflows: 1/(1 + e) for z ≥ 0, e/(1 + e) below.
            T sigmoid = z >= T.Zero ? T.One / (T.One + e) : e / (T.One + e);
            gradient[k] = (sigmoid - t) * inverseCount;
        }
        return total * inverseCount;
    }
}
