using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

// Networks whose optimizers keep state (moments, momentum buffers), for the determinism and
// allocation tests: state is where a second instance or a steady-state step could go wrong.
// (The optimizers' update rules against PyTorch are tests/NetGen.Optimizer.Tests' business.)

[Network(Loss.CrossEntropy)]
[Input(6)]
[Dense(20, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Adam(1e-2)]
public partial class AdamFloatNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 6, new(20, Activation.ReLU), new(3, Activation.Softmax));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(16, Activation.Tanh)]
[Dense(2, Activation.Identity)]
[Sgd(0.1, Momentum = 0.9)]
public partial class MomentumDoubleNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(16, Activation.Tanh), new(2, Activation.Identity));
}
