using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// A network's declared optimizer (<see cref="OptimizerDescription"/>) with its constants in the
/// network's precision, converted once: one of SGD, Adam (AdamW with decoupled weight decay) and
/// RMSprop, each following the PyTorch optimizer of the same name (see <see cref="Optimizers"/>).
/// </summary>
internal sealed class OptimizerSettings<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    internal enum Kind { Sgd, Adam, RmsProp }

    /// <summary>
    /// The settings of <paramref name="optimizer"/> rounded to T as a literal in T would be (a double
    /// converted to float rounds to nearest), so that a learning rate of 0.1 is 0.1f in a float network.
    /// </summary>
    internal OptimizerSettings(OptimizerDescription optimizer)
    {
        Optimizer = optimizer.Kind switch
        {
            OptimizerKind.Sgd => Kind.Sgd,
            OptimizerKind.Adam or OptimizerKind.AdamW => Kind.Adam,
            _ => Kind.RmsProp,
        };
        LearningRate = T.CreateChecked(optimizer.LearningRate);
        Momentum = T.CreateChecked(optimizer.Momentum);
        Dampening = T.CreateChecked(optimizer.Dampening);
        Nesterov = optimizer.Nesterov;
        WeightDecay = T.CreateChecked(optimizer.WeightDecay);
        Beta1 = T.CreateChecked(optimizer.Beta1);
        Beta2 = T.CreateChecked(optimizer.Beta2);
        Epsilon = T.CreateChecked(optimizer.Epsilon);
        DecoupledWeightDecay = optimizer.Kind == OptimizerKind.AdamW;
        AmsGrad = optimizer.AmsGrad;
        Alpha = T.CreateChecked(optimizer.Alpha);
        Centered = optimizer.Centered;
    }

    internal Kind Optimizer { get; }
    internal T LearningRate { get; }
    internal T Momentum { get; }
    internal T Dampening { get; }
    internal bool Nesterov { get; }
    internal T WeightDecay { get; }
    internal T Beta1 { get; }
    internal T Beta2 { get; }
    internal T Epsilon { get; }
    internal bool DecoupledWeightDecay { get; }
    internal bool AmsGrad { get; }
    internal T Alpha { get; }
    internal bool Centered { get; }
}
