namespace NetGen.Generator.Model;

/// <summary>The declared optimizer and its hyperparameters; fields a kind does not use keep their defaults.</summary>
internal sealed record OptimizerSpec(
    OptimizerKind Kind,
    double LearningRate,
    double Momentum = 0,
    double Dampening = 0,
    bool Nesterov = false,
    double WeightDecay = 0,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    bool AmsGrad = false,
    double Alpha = 0.99,
    bool Centered = false)
{
    /// <summary>What applies when a network declares no optimizer.</summary>
    public static OptimizerSpec Default { get; } = new(OptimizerKind.Sgd, 0.01);
}
