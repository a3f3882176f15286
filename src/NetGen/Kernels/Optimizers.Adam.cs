using System;
using System.Numerics;

namespace NetGen.Kernels;

public static partial class Optimizers
{
    /// <summary>
    /// Adam (<paramref name="decoupledWeightDecay"/> false) or AdamW (true) at step t ≥ 1:
    /// AdamW first sets <c>p = p·(1 − lr·λ)</c>, Adam adds <c>λp</c> to the gradient; then
    /// <c>m = m + (1 − β1)(g − m)</c>, <c>v = β2·v + (1 − β2)g²</c> (AMSGrad: <c>v̂ = max(v̂, v)</c>),
    /// <c>p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)</c>.
    /// </summary>
    public static void Adam<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> firstMoment, Span<T> secondMoment,
        Span<T> maxSecondMoment, T learningRate, T beta1, T beta2, T epsilon, T weightDecay,
        bool decoupledWeightDecay, bool amsGrad, long step)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = parameters.Length;
        Checks.Length(gradients, n, nameof(gradients));
        Checks.Length(firstMoment, n, nameof(firstMoment));
        Checks.Length(secondMoment, n, nameof(secondMoment));
        if (amsGrad)
            Checks.Length(maxSecondMoment, n, nameof(maxSecondMoment));
        if (step < 1)
            throw new ArgumentOutOfRangeException(nameof(step), step, "Adam's step count starts at 1.");

        // The bias corrections are scalars, computed in double as PyTorch computes them in Python.
        double lr = double.CreateChecked(learningRate);
        T stepSize = T.CreateChecked(lr / (1.0 - Math.Pow(double.CreateChecked(beta1), step)));
        T correction2Root = T.CreateChecked(Math.Sqrt(1.0 - Math.Pow(double.CreateChecked(beta2), step)));
        T decay = T.One - learningRate * weightDecay;
        T oneMinusBeta1 = T.One - beta1, oneMinusBeta2 = T.One - beta2;
        for (int k = 0; k < n; k++)
        {
            T p = parameters[k], g = gradients[k];
            if (weightDecay != T.Zero)
            {
                if (decoupledWeightDecay)
                    p *= decay;
                else
                    g += weightDecay * p;
            }
            T m = firstMoment[k] + oneMinusBeta1 * (g - firstMoment[k]);
            T v = beta2 * secondMoment[k] + oneMinusBeta2 * g * g;
            firstMoment[k] = m;
            secondMoment[k] = v;
            if (amsGrad)
                v = maxSecondMoment[k] = T.Max(maxSecondMoment[k], v);
            parameters[k] = p - stepSize * (m / (T.Sqrt(v) / correction2Root + epsilon));
        }
    }
}
