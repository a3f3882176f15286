using System;

namespace NetGen;

/// <summary>
/// Stochastic gradient descent, as PyTorch's <c>torch.optim.SGD</c>:
/// <c>g = ∇ + λp</c>; with momentum μ, <c>b = μb + (1 − dampening)g</c> (b = g on the first step) and
/// <c>g = Nesterov ? g + μb : b</c>; then <c>p = p − lr·g</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SgdAttribute(double learningRate) : Attribute
{
    /// <summary>The step size, lr.</summary>
    public double LearningRate { get; } = learningRate;

    /// <summary>The momentum factor μ, 0 for plain SGD.</summary>
    public double Momentum { get; set; }

    /// <summary>The dampening of the momentum buffer's new gradient.</summary>
    public double Dampening { get; set; }

    /// <summary>Uses Nesterov momentum (needs a positive momentum and no dampening).</summary>
    public bool Nesterov { get; set; }

    /// <summary>The L2 penalty λ added to the gradient of every parameter.</summary>
    public double WeightDecay { get; set; }
}
