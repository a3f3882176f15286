using System;

namespace NetGen;

/// <summary>Thrown when a batch's loss is not a finite number, so that training cannot go on meaningfully.</summary>
public sealed class TrainingDivergedException(int epoch, int iteration, double loss)
    : Exception($"The loss became {loss} at epoch {epoch}, iteration {iteration}: lower the learning rate, clip gradients (MaxGradNorm) or check the data for NaN or infinite values.")
{
    /// <summary>The epoch, from 1.</summary>
    public int Epoch { get; } = epoch;

    /// <summary>The iteration within the epoch, from 1.</summary>
    public int Iteration { get; } = iteration;

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; } = loss;
}
