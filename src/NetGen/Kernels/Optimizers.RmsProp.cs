using System;
using System.Numerics;

namespace NetGen.Kernels;

public static partial class Optimizers
{
    /// <summary>
    /// <c>g = ∇ + λp</c>, <c>s = α·s + (1 − α)g²</c>; centered: <c>ḡ = ḡ + (1 − α)(g − ḡ)</c> and
    /// <c>d = √(s − ḡ²) + ε</c>, else <c>d = √s + ε</c>; with momentum μ &gt; 0, <c>b = μb + g/d</c> and
    /// <c>p = p − lr·b</c>, else <c>p = p − lr·g/d</c>. The state is stored flushed (<see cref="FlushSubnormal{T}"/>); this step uses it as computed.
    /// </summary>
    public static void RmsProp<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> squareAverage,
        Span<T> gradientAverage, Span<T> momentumBuffer, T learningRate, T alpha, T epsilon, T momentum,
        bool centered, T weightDecay)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = parameters.Length;
        Checks.Length(gradients, n, nameof(gradients));
        Checks.Length(squareAverage, n, nameof(squareAverage));
        if (centered)
            Checks.Length(gradientAverage, n, nameof(gradientAverage));
        bool hasMomentum = momentum > T.Zero;
        if (hasMomentum)
            Checks.Length(momentumBuffer, n, nameof(momentumBuffer));
        T oneMinusAlpha = T.One - alpha;
        for (int k = 0; k < n; k++)
        {
            T g = gradients[k];
            if (weightDecay != T.Zero)
                g += weightDecay * parameters[k];
            T s = alpha * squareAverage[k] + oneMinusAlpha * g * g;
            squareAverage[k] = FlushSubnormal(s);
            T denominator;
            if (centered)
            {
                T mean = gradientAverage[k] + oneMinusAlpha * (g - gradientAverage[k]);
                gradientAverage[k] = FlushSubnormal(mean);
                denominator = T.Sqrt(s - mean * mean) + epsilon;
            }
            else
            {
                denominator = T.Sqrt(s) + epsilon;
            }
            if (hasMomentum)
            {
                T b = momentum * momentumBuffer[k] + g / denominator;
                momentumBuffer[k] = FlushSubnormal(b);
                parameters[k] -= learningRate * b;
            }
            else
            {
                parameters[k] -= learningRate * (g / denominator);
            }
        }
    }
}
