using System;

namespace NetGen;

/// <summary>
/// Thrown by <c>TrainStep</c> when a batch's loss is NaN or infinite, before the optimizer step, so that
/// the parameters and the optimizer's state are left as they were.
/// </summary>
public sealed class NonFiniteLossException(double loss)
    : ArithmeticException($"The batch's loss is {loss}, so the parameters were left unchanged: lower the learning rate, "
        + "clip gradients, or check the batch for values too large to compute with.")
{
    /// <summary>The loss that was not finite.</summary>
    public double Loss { get; } = loss;
}
