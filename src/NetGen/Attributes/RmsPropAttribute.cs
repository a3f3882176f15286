using System;

namespace NetGen;

/// <summary>
/// RMSprop, as PyTorch's <c>torch.optim.RMSprop</c>: <c>g = ∇ + λp</c>, <c>s = α·s + (1 − α)g²</c>,
/// <c>d = √s + ε</c> (centered: <c>d = √(s − ḡ²) + ε</c> with <c>ḡ = α·ḡ + (1 − α)g</c>); with momentum μ,
/// <c>b = μb + g/d</c> and <c>p = p − lr·b</c>, else <c>p = p − lr·g/d</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RmsPropAttribute(double learningRate = 1e-2) : Attribute
{
    /// <summary>The step size, lr.</summary>
    public double LearningRate { get; } = learningRate;

    /// <summary>The decay α of the squared-gradient average.</summary>
    public double Alpha { get; set; } = 0.99;

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; set; } = 1e-8;

    /// <summary>The momentum factor μ.</summary>
    public double Momentum { get; set; }

    /// <summary>Normalises by the variance estimate instead of the raw second moment.</summary>
    public bool Centered { get; set; }

    /// <summary>The L2 penalty λ added to the gradient.</summary>
    public double WeightDecay { get; set; }
}
