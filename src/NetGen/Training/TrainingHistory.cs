using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>The record of a <see cref="Trainer.Fit{T}"/> run: one <see cref="EpochReport"/> per completed epoch.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochReport> _epochs = [];

    /// <summary>The completed epochs, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs => _epochs;

    /// <summary>
    /// Where the run stands, to continue it later (<see cref="TrainingOptions.ResumeFrom"/>) or store it in a checkpoint;
    /// null when it was cancelled in the middle of an epoch, which leaves no epoch boundary to resume from.
    /// </summary>
    public TrainingProgress? Progress { get; internal set; }

    /// <summary>True when early stopping ended training before the last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>True when the cancellation token ended training.</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>The epoch whose monitored loss was lowest (validation loss when there is validation data), or 0 before any epoch.</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>The training loss of each epoch.</summary>
    public double[] Loss => _epochs.Select(e => e.Loss).ToArray();

    /// <summary>The training accuracy of each epoch (NaN where none was measured).</summary>
    public double[] Accuracy => _epochs.Select(e => e.Accuracy ?? double.NaN).ToArray();

    /// <summary>The validation loss of each epoch (NaN where none was measured).</summary>
    public double[] ValidationLoss => _epochs.Select(e => e.ValidationLoss ?? double.NaN).ToArray();

    /// <summary>The validation accuracy of each epoch (NaN where none was measured).</summary>
    public double[] ValidationAccuracy => _epochs.Select(e => e.ValidationAccuracy ?? double.NaN).ToArray();

    /// <summary>The learning rate of each epoch.</summary>
    public double[] LearningRate => _epochs.Select(e => e.LearningRate).ToArray();

    /// <summary>The last completed epoch, or null before any.</summary>
    public EpochReport? Last => _epochs.Count == 0 ? null : _epochs[^1];

    internal void Add(EpochReport report) => _epochs.Add(report);
}
