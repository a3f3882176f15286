using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

// Networks whose tensors are named as PyTorch names them: the material's MultiLayerPerceptronClass
// (named modules lin_1, lin_2), and an nn.Sequential whose numbering skips indices for dropout and
// activation modules but not for the identity.

[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
[Sgd(0.1)]
public partial class NamedModulesNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 784, new LayerShape(256, Activation.ReLU), new LayerShape(10, Activation.Softmax));
}

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(8, Activation.ReLU, Dropout = 0.5)]
[Dense(6, Activation.LeakyReLU, NegativeSlope = 0.2)]
[Dense(5, Activation.Identity)]
[Dense(3, Activation.Softmax)]
[Adam(1e-3)]
public partial class SequentialWithDropoutNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 4, new LayerShape(8, Activation.ReLU), new LayerShape(6, Activation.LeakyReLU, 0.2),
            new LayerShape(5, Activation.Identity), new LayerShape(3, Activation.Softmax));
}
