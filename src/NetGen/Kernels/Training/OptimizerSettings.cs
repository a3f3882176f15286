using System.ComponentModel;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// A network's declared optimizer and its constants, as the generator writes them in the network's
/// precision: one of <see cref="Sgd"/>, <see cref="Adam"/> (AdamW with decoupled weight decay) and
/// <see cref="RmsProp"/>, each following the PyTorch optimizer of the same name (see <see cref="Optimizers"/>).
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OptimizerSettings<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    internal enum Kind { Sgd, Adam, RmsProp }

    private OptimizerSettings(Kind optimizer, T learningRate) => (Optimizer, LearningRate) = (optimizer, learningRate);

    internal Kind Optimizer { get; }
    internal T LearningRate { get; }
    internal T Momentum { get; private init; }
    internal T Dampening { get; private init; }
    internal bool Nesterov { get; private init; }
    internal T WeightDecay { get; private init; }
    internal T Beta1 { get; private init; }
    internal T Beta2 { get; private init; }
    internal T Epsilon { get; private init; }
    internal bool DecoupledWeightDecay { get; private init; }
    internal bool AmsGrad { get; private init; }
    internal T Alpha { get; private init; }
    internal bool Centered { get; private init; }

    /// <summary>Stochastic gradient descent, with momentum when <paramref name="momentum"/> is not 0 (<see cref="Optimizers.Sgd"/>).</summary>
    public static OptimizerSettings<T> Sgd(T learningRate, T momentum, T dampening, bool nesterov, T weightDecay) =>
        new(Kind.Sgd, learningRate) { Momentum = momentum, Dampening = dampening, Nesterov = nesterov, WeightDecay = weightDecay };

    /// <summary>Adam, or AdamW with <paramref name="decoupledWeightDecay"/> (<see cref="Optimizers.Adam"/>).</summary>
    public static OptimizerSettings<T> Adam(T learningRate, T beta1, T beta2, T epsilon, T weightDecay, bool decoupledWeightDecay, bool amsGrad) =>
        new(Kind.Adam, learningRate)
        {
            Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon, WeightDecay = weightDecay,
            DecoupledWeightDecay = decoupledWeightDecay, AmsGrad = amsGrad,
        };

    /// <summary>RMSprop (<see cref="Optimizers.RmsProp"/>).</summary>
    public static OptimizerSettings<T> RmsProp(T learningRate, T alpha, T epsilon, T momentum, bool centered, T weightDecay) =>
        new(Kind.RmsProp, learningRate) { Alpha = alpha, Epsilon = epsilon, Momentum = momentum, Centered = centered, WeightDecay = weightDecay };
}
