using System;

namespace NetGen;

/// <summary>
/// Marks a <c>partial class</c> as a generated multilayer perceptron. The layers come from the
/// <see cref="InputAttribute"/> and <see cref="DenseAttribute"/>s on the same declaration, in source order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute(Loss loss) : Attribute
{
    /// <summary>The loss that <c>ComputeGradients</c> and <c>TrainStep</c> minimise.</summary>
    public Loss Loss { get; } = loss;

    /// <summary>The element type of every parameter, input and output: float or double.</summary>
    public Precision Precision { get; set; } = Precision.Single;

    /// <summary>λ₁ of an L1 penalty <c>λ₁·Σ|w|</c> over every weight (not bias), added to the loss and its gradient.</summary>
    public double L1 { get; set; }

    /// <summary>λ₂ of an L2 penalty <c>λ₂·Σw²</c> over every weight (not bias), added to the loss and its gradient.</summary>
    public double L2 { get; set; }
}
