using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

// Networks whose first layer's outputs fill panels of four 512-bit vectors (64 floats, 32 doubles), which keep
// its weights panel by panel on a core whose products read panels (Layout.HoldsPanels): two panels of floats
// under Adam, three of doubles under SGD with momentum, each split by rows over a batch of several chunks.

[Network(Loss.CrossEntropy)]
[Input(37)]
[Dense(128, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
[Adam(0.01)]
public partial class PanelFloatNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 37, new(128, Activation.ReLU), new(5, Activation.Softmax));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(29)]
[Dense(96, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Sgd(0.05, Momentum = 0.9)]
public partial class PanelDoubleNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 29, new(96, Activation.Tanh), new(3, Activation.Identity));
}
