using System;

namespace NetGen;

/// <summary>
/// Adam, as PyTorch's <c>torch.optim.Adam</c>: <c>g = ∇ + λp</c>, <c>m = β1·m + (1 − β1)g</c>,
/// <c>v = β2·v + (1 − β2)g²</c>, <c>p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)</c>; with
/// AMSGrad, the running maximum of v replaces v in the denominator.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AdamAttribute(double learningRate = 1e-3) : Attribute
{
    /// <summary>The step size, lr.</summary>
    public double LearningRate { get; } = learningRate;

    /// <summary>The decay of the first-moment estimate.</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>The decay of the second-moment estimate.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; set; } = 1e-8;

    /// <summary>The L2 penalty λ added to the gradient (not decoupled; see <see cref="AdamWAttribute"/>).</summary>
    public double WeightDecay { get; set; }

    /// <summary>Uses the AMSGrad variant.</summary>
    public bool AmsGrad { get; set; }
}
