namespace NetGen;

/// <summary>
/// A network's declared optimizer and its settings, with PyTorch's meaning and defaults. Settings that
/// <see cref="Kind"/> does not use keep their defaults.
/// </summary>
/// <param name="Kind">Which optimizer.</param>
/// <param name="LearningRate">The step size it starts with.</param>
public sealed record OptimizerDescription(OptimizerKind Kind, double LearningRate)
{
    /// <summary>SGD's and RMSprop's momentum factor.</summary>
    public double Momentum { get; init; }

    /// <summary>SGD's dampening of the momentum.</summary>
    public double Dampening { get; init; }

    /// <summary>Whether SGD uses Nesterov momentum.</summary>
    public bool Nesterov { get; init; }

    /// <summary>The weight decay: added to the gradient, or for AdamW decoupled from it.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Adam's decay of the first moment.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's decay of the second moment.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's and RMSprop's term added to the denominator.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Whether Adam keeps the maximum of the second moments (AMSGrad).</summary>
    public bool AmsGrad { get; init; }

    /// <summary>RMSprop's smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>Whether RMSprop normalizes by the variance rather than the second moment.</summary>
    public bool Centered { get; init; }

    /// <summary>PyTorch's spelling of this optimizer, such as <c>SGD(lr=0.1, momentum=0.9)</c>: the settings that <see cref="Kind"/> uses.</summary>
    public override string ToString() => Kind switch
    {
        OptimizerKind.Sgd => $"SGD(lr={Number(LearningRate)}, momentum={Number(Momentum)}, dampening={Number(Dampening)}, "
            + $"nesterov={Flag(Nesterov)}, weight_decay={Number(WeightDecay)})",
        OptimizerKind.Adam or OptimizerKind.AdamW => $"{(Kind == OptimizerKind.Adam ? "Adam" : "AdamW")}(lr={Number(LearningRate)}, "
            + $"betas=({Number(Beta1)}, {Number(Beta2)}), eps={Number(Epsilon)}, weight_decay={Number(WeightDecay)}, amsgrad={Flag(AmsGrad)})",
        _ => $"RMSprop(lr={Number(LearningRate)}, alpha={Number(Alpha)}, eps={Number(Epsilon)}, weight_decay={Number(WeightDecay)}, "
            + $"momentum={Number(Momentum)}, centered={Flag(Centered)})",
    };

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "True" : "False";
}
