namespace NetGen;

/// <summary>How much <see cref="Trainer"/> writes while it trains.</summary>
public enum Verbosity
{
    /// <summary>Nothing.</summary>
    Silent,
    /// <summary>A line per epoch.</summary>
    Epoch,
    /// <summary>A line every <see cref="TrainingOptions.EvalInterval"/> iterations, as <c>| epoch 12 | iter 10 / 10 | loss 0.85</c>.</summary>
    Interval,
}
