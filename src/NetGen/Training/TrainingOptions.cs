using System;
using System.IO;

namespace NetGen;

/// <summary>How <see cref="Trainer.Fit{T}"/> trains: epochs, batches, validation, clipping, early stopping, schedule, output.</summary>
public sealed record TrainingOptions
{
    /// <summary>The number of passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Visits the samples in a new seeded order each epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seeds the shuffling and the validation split.</summary>
    public int Seed { get; init; }

    /// <summary>Data to evaluate after each epoch: a <see cref="Dataset{T}"/> of the network's element type.</summary>
    public IDataset? Validation { get; init; }

    /// <summary>When no <see cref="Validation"/> is given, the fraction of the training data held out for it (0 for none).</summary>
    public double ValidationSplit { get; init; }

    /// <summary>
    /// Steps between progress lines when <see cref="Verbose"/> is <see cref="Verbosity.Interval"/>, counted
    /// across epochs; each line shows the mean loss of the steps since the last.
    /// </summary>
    public int EvalInterval { get; init; } = 10;

    /// <summary>Rescales the gradient when its global L2 norm exceeds this; null for no clipping.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>Stops training when the monitored loss stops improving; null to train every epoch.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Sets the learning rate at the start of each epoch; null keeps the network's rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// A run to continue (<see cref="TrainingHistory.Progress"/>, or one a checkpoint loaded): training goes on from
    /// the epoch after its last, up to <see cref="Epochs"/> in all, from the parameters that run had reached, as if it
    /// had never stopped. The options and data must be those of that run. Null starts a new run.
    /// </summary>
    public TrainingProgress? ResumeFrom { get; init; }

    /// <summary>How much to write while training.</summary>
    public Verbosity Verbose { get; init; } = Verbosity.Silent;

    /// <summary>Where progress lines go; <see cref="Console.Out"/> when null.</summary>
    public TextWriter? Output { get; init; }
}
