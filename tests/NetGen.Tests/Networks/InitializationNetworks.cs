using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

/// <summary>
/// Big layers with the default initialization, so that sample statistics are tight. The layers are
/// not square: fan_in and fan_out differ, so a scheme that used the wrong one would show.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(128)]
[Dense(256, Activation.ReLU)]
[Dense(192, Activation.Tanh)]
[Dense(64, Activation.LeakyReLU)]
[Dense(10, Activation.Softmax)]
public partial class DefaultInitializationNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 128, new(256, Activation.ReLU), new(192, Activation.Tanh), new(64, Activation.LeakyReLU), new(10, Activation.Softmax));
}
