using System;

namespace NetGen;

/// <summary>
/// Sets the learning rate at the start of each epoch from the initial rate lr₀ and the epoch e
/// (counted from 0), as PyTorch's schedulers stepped once per epoch.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The rate for <paramref name="epoch"/> (from 0); <paramref name="monitoredLoss"/> is the last epoch's monitored loss, NaN before the first.</summary>
    public abstract double Rate(int epoch, double initialRate, double currentRate, double monitoredLoss);

    /// <summary>Clears any state, so that the schedule can serve a new run.</summary>
    public virtual void Reset()
    {
    }

    /// <summary>What the schedule carries from one epoch to the next, as a checkpoint stores it (empty for a schedule that carries nothing).</summary>
    internal virtual double[] State
    {
        get => [];
        set
        {
            if (value.Length != 0)
                throw new ArgumentException($"This schedule carries no state, but {value.Length} values were given.", nameof(value));
        }
    }

    /// <summary><c>lr₀·γ^⌊e / stepSize⌋</c> (PyTorch's StepLR).</summary>
    public static LearningRateSchedule Step(int stepSize, double gamma = 0.1) => new StepSchedule(stepSize, Positive(gamma, nameof(gamma)));

    /// <summary><c>lr₀·γ^e</c> (PyTorch's ExponentialLR).</summary>
    public static LearningRateSchedule Exponential(double gamma) => new ExponentialSchedule(Positive(gamma, nameof(gamma)));

    /// <summary><c>lr_min + (lr₀ − lr_min)·(1 + cos(π·e / T))/2</c> for e ≤ T, then lr_min (PyTorch's CosineAnnealingLR without restarts).</summary>
    public static LearningRateSchedule Cosine(int periodEpochs, double minimumRate = 0) =>
        new CosineSchedule(periodEpochs, AtLeastZero(minimumRate, nameof(minimumRate)));

    /// <summary>
    /// Multiplies the rate by <paramref name="factor"/> when the monitored loss has not improved by more
    /// than <paramref name="threshold"/> (relative) for <paramref name="patience"/> epochs, never below
    /// <paramref name="minimumRate"/> (PyTorch's ReduceLROnPlateau in 'min', 'rel' mode).
    /// </summary>
    public static LearningRateSchedule ReduceOnPlateau(double factor = 0.1, int patience = 10, double threshold = 1e-4, double minimumRate = 0)
    {
        // PyTorch's ReduceLROnPlateau also refuses a factor of 1 or more, which would never reduce.
        if (!(factor > 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Expected a factor above 0 and below 1, for example 0.1.");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        return new PlateauSchedule(factor, patience, AtLeastZero(threshold, nameof(threshold)), AtLeastZero(minimumRate, nameof(minimumRate)));
    }

    // Every rate a schedule gives must be one the network's LearningRate accepts: finite and at least 0.
    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, "Expected a finite number above 0, so that every rate stays finite and positive.");

    private static double AtLeastZero(double value, string name) =>
        value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(name, value, "Expected a finite number of at least 0.");

    private sealed class StepSchedule : LearningRateSchedule
    {
        private readonly int _stepSize;
        private readonly double _gamma;

        public StepSchedule(int stepSize, double gamma)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
            (_stepSize, _gamma) = (stepSize, gamma);
        }

        public override double Rate(int epoch, double initialRate, double currentRate, double monitoredLoss) =>
            initialRate * Math.Pow(_gamma, epoch / _stepSize);
    }

    private sealed class ExponentialSchedule(double gamma) : LearningRateSchedule
    {
        public override double Rate(int epoch, double initialRate, double currentRate, double monitoredLoss) =>
            initialRate * Math.Pow(gamma, epoch);
    }

    private sealed class CosineSchedule : LearningRateSchedule
    {
        private readonly int _period;
        private readonly double _minimum;

        public CosineSchedule(int period, double minimum)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
            (_period, _minimum) = (period, minimum);
        }

        public override double Rate(int epoch, double initialRate, double currentRate, double monitoredLoss) =>
            epoch >= _period ? _minimum : _minimum + (initialRate - _minimum) * (1 + Math.Cos(Math.PI * epoch / _period)) / 2;
    }

    private sealed class PlateauSchedule(double factor, int patience, double threshold, double minimum) : LearningRateSchedule
    {
        private double _best = double.PositiveInfinity;
        private int _badEpochs;

        public override double Rate(int epoch, double initialRate, double currentRate, double monitoredLoss)
        {
            if (double.IsNaN(monitoredLoss))
                return currentRate;
            if (monitoredLoss < _best * (1 - threshold))
            {
                _best = monitoredLoss;
                _badEpochs = 0;
                return currentRate;
            }
            if (++_badEpochs <= patience)
                return currentRate;
            _badEpochs = 0;
            return Math.Max(currentRate * factor, minimum);
        }

        public override void Reset()
        {
            _best = double.PositiveInfinity;
            _badEpochs = 0;
        }

        internal override double[] State
        {
            get => [_best, _badEpochs];
            set
            {
                if (value is not [var best, var badEpochs] || double.IsNaN(best) || !(badEpochs >= 0 && badEpochs <= patience && badEpochs == Math.Floor(badEpochs)))
                    throw new ArgumentException("Expected a plateau schedule's best loss and its count of epochs without improvement.", nameof(value));
                (_best, _badEpochs) = (best, (int)badEpochs);
            }
        }
    }
}
