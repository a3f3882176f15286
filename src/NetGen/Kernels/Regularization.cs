using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>Dropout and weight penalties, applied while training only.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Regularization
{
    /// <summary>
    /// Draws an inverted-dropout mask: <c>mask[k] = 0</c> with probability <paramref name="rate"/>, else
    /// <c>1/(1 − rate)</c>, from <paramref name="random"/>, in order.
    /// </summary>
    public static void DrawMask<T>(Span<T> mask, double rate, SeededRandom random)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T keep = T.CreateChecked(1.0 / (1.0 - rate));
        for (int k = 0; k < mask.Length; k++)
            mask[k] = random.NextDouble() < rate ? T.Zero : keep;
    }

    /// <summary>Dropout with a drawn mask: <c>output = values·mask</c>.</summary>
    public static void ApplyMask<T>(ReadOnlySpan<T> values, ReadOnlySpan<T> mask, Span<T> output)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(mask, values.Length, nameof(mask));
        Checks.Length(output, values.Length, nameof(output));
        TensorPrimitives.Multiply(values, mask, output);
    }

    /// <summary>The chain rule through dropout: <c>delta = delta·mask</c>.</summary>
    public static void DropoutBackward<T>(ReadOnlySpan<T> mask, Span<T> delta)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(mask, delta.Length, nameof(mask));
        TensorPrimitives.Multiply(delta, mask, delta);
    }

    /// <summary>
    /// Adds <c>λ₁·sign(w) + 2λ₂·w</c> to each weight's gradient and returns the penalty
    /// <c>λ₁·Σ|w| + λ₂·Σw²</c>.
    /// </summary>
    public static T WeightPenalty<T>(ReadOnlySpan<T> weights, Span<T> gradients, T l1, T l2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(gradients, weights.Length, nameof(gradients));
        T penalty = T.Zero;
        T twiceL2 = l2 + l2;
        for (int k = 0; k < weights.Length; k++)
        {
            T w = weights[k];
            penalty += l1 * T.Abs(w) + l2 * w * w;
            gradients[k] += l1 * T.CreateChecked(T.Sign(w)) + twiceL2 * w;
        }
        return penalty;
    }
}
