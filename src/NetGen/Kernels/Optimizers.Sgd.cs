using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>
/// Optimizer updates, one fused pass over parameters, gradients and state, each following the
/// update rule of the PyTorch optimizer of the same name operation for operation, except that a state
/// value below the normal range is stored as zero (<see cref="FlushSubnormal{T}"/>).
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Optimizers
{
    /// <summary>
    /// <c>g = ∇ + λp</c>; with momentum μ ≠ 0, <c>b = first ? g : μb + (1 − dampening)g</c> and
    /// <c>g = nesterov ? g + μb : b</c>; then <c>p = p − lr·g</c>. The buffer is stored flushed (<see cref="FlushSubnormal{T}"/>); this step uses it as computed.
    /// </summary>
    public static void Sgd<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> momentumBuffer,
        T learningRate, T momentum, T dampening, bool nesterov, T weightDecay, bool firstStep)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(gradients, parameters.Length, nameof(gradients));
        bool hasMomentum = momentum != T.Zero;
        if (!hasMomentum && weightDecay == T.Zero)
        {
            // Plain SGD is one vectorized pass: p + g·(−lr) rounds exactly as p − lr·g.
            TensorPrimitives.MultiplyAdd(gradients, -learningRate, parameters, parameters);
            return;
        }
        if (hasMomentum)
            Checks.Length(momentumBuffer, parameters.Length, nameof(momentumBuffer));
        for (int k = 0; k < parameters.Length; k++)
        {
            T g = gradients[k];
            if (weightDecay != T.Zero)
                g += weightDecay * parameters[k];
            if (hasMomentum)
            {
                T b = firstStep ? g : momentum * momentumBuffer[k] + (T.One - dampening) * g;
                momentumBuffer[k] = FlushSubnormal(b);
                g = nesterov ? g + momentum * b : b;
            }
            parameters[k] -= learningRate * g;
        }
    }
}
