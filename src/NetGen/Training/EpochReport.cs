using System;

namespace NetGen;

/// <summary>What one epoch of <see cref="Trainer.Fit{T}"/> achieved.</summary>
/// <param name="Epoch">The epoch's number, from 1.</param>
/// <param name="Loss">The mean training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="Accuracy">The fraction of training samples classified right after the epoch; null for a network trained on targets.</param>
/// <param name="ValidationLoss">The mean loss on the validation data after the epoch; null without validation data.</param>
/// <param name="ValidationAccuracy">The validation accuracy after the epoch; null without validation data or labels.</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="Elapsed">The time since training started, at the end of the epoch.</param>
public sealed record EpochReport(
    int Epoch,
    double Loss,
    double? Accuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    TimeSpan Elapsed);
