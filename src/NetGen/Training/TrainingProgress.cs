using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Where a <see cref="Trainer.Fit{T}"/> run stands after its last completed epoch: the reports so far and
/// everything the next epoch depends on (the shuffling generator and order, the best loss and the epochs
/// since it for early stopping, the schedule's state, the parameters training continues from and the best
/// ones). <see cref="TrainingHistory.Progress"/> gives it; <see cref="TrainingOptions.ResumeFrom"/> continues
/// from it, and a checkpoint stores it, so that training for N epochs equals training for K, saving, loading
/// in a new instance and training to N, bit for bit.
/// </summary>
public sealed class TrainingProgress
{
    internal TrainingProgress(IReadOnlyList<EpochReport> epochs, int bestEpoch, bool stoppedEarly, RunState state)
    {
        (Epochs, BestEpoch, StoppedEarly, State) = (epochs, bestEpoch, stoppedEarly, state);
    }

    /// <summary>The completed epochs, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs { get; }

    /// <summary>The number of completed epochs: a run that resumes from here starts at the next.</summary>
    public int Epoch => Epochs.Count == 0 ? 0 : Epochs[^1].Epoch;

    /// <summary>The epoch whose monitored loss was lowest, or 0 before any.</summary>
    public int BestEpoch { get; }

    /// <summary>True when early stopping ended the run: a run that resumes from here trains no further epoch.</summary>
    public bool StoppedEarly { get; }

    internal RunState State { get; }

    /// <summary>Parameters as a progress keeps them: in doubles, which hold every float exactly.</summary>
    internal static double[] ToDoubles<T>(ReadOnlySpan<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var doubles = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
            doubles[k] = double.CreateChecked(values[k]);
        return doubles;
    }

    /// <summary>A progress's parameters back in the network's precision, to the same bits they were kept from.</summary>
    internal static T[] FromDoubles<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var converted = new T[values.Length];
        for (int k = 0; k < values.Length; k++)
            converted[k] = T.CreateChecked(values[k]);
        return converted;
    }

    /// <summary>What a run carries from one epoch to the next, besides the network and its optimizer.</summary>
    internal sealed record RunState(
        ulong[] Shuffle,
        int[] Order,
        double InitialRate,
        double Monitored,
        double Best,
        int EpochsWithoutImprovement,
        long Step,
        double IntervalLoss,
        int IntervalCount,
        double[] Schedule,
        double[] Parameters,
        double[]? BestParameters)
    {
        /// <summary>Checks that the state can continue a run on <paramref name="samples"/> training samples of a network of <paramref name="parameterCount"/> parameters.</summary>
        public void CheckFits(int samples, int parameterCount, string paramName)
        {
            if (Order.Length != samples)
                throw new ArgumentException($"The progress shuffles {Order.Length} training samples, but the data has {samples}.", paramName);
            var seen = new bool[samples];
            foreach (int index in Order)
            {
                if ((uint)index >= (uint)samples || seen[index])
                    throw new ArgumentException("The progress's sample order is not a permutation of the training samples.", paramName);
                seen[index] = true;
            }
            if (Parameters.Length != parameterCount || BestParameters is { } best && best.Length != parameterCount)
                throw new ArgumentException($"The progress holds parameters of another network: expected {parameterCount}.", paramName);
            // The generator's own check of its state, before anything is changed.
            _ = new SeededRandom(0) { State = Shuffle };
        }
    }
}
