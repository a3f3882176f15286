using System;

namespace NetGen;

/// <summary>
/// AdamW, as PyTorch's <c>torch.optim.AdamW</c>: first <c>p = p·(1 − lr·λ)</c> (decoupled weight
/// decay), then the Adam step without an L2 term.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AdamWAttribute(double learningRate = 1e-3) : Attribute
{
    /// <summary>The step size, lr.</summary>
    public double LearningRate { get; } = learningRate;

    /// <summary>The decay of the first-moment estimate.</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>The decay of the second-moment estimate.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; set; } = 1e-8;

    /// <summary>The decoupled weight decay λ.</summary>
    public double WeightDecay { get; set; } = 0.01;

    /// <summary>Uses the AMSGrad variant.</summary>
    public bool AmsGrad { get; set; }
}
