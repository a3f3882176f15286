// The golden networks of tests/NetGen.Generator.Tests/Golden/GoldenNetworks.cs, which keeps them as
// strings; with the benchmarks' five (linked by the project file) they are the ten networks of the
// benchmark and generator test suites. The golden spiral is the benchmarks' SpiralNet.
using NetGen;

namespace Golden
{
    [Network(Loss.MeanSquaredError)]
    [Input(2)]
    [Dense(2, Activation.Sigmoid)]
    [Dense(1, Activation.Sigmoid)]
    [Sgd(0.5)]
    public partial class TinySigmoidNet;

    [Network(Loss.CrossEntropy, Precision = Precision.Double)]
    [Input(784)]
    [Dense(256, Activation.ReLU)]
    [Dense(10, Activation.Softmax)]
    [Adam(1e-3)]
    public partial class MnistNet;

    [Network(Loss.MeanSquaredError)]
    [Input(8)]
    [Dense(16, Activation.Tanh)]
    [Dense(16, Activation.Tanh)]
    [Dense(16, Activation.Tanh)]
    [Dense(16, Activation.Tanh)]
    [Dense(16, Activation.Tanh)]
    [Dense(16, Activation.Tanh)]
    [Dense(8, Activation.Tanh)]
    [Dense(2, Activation.Tanh)]
    [Sgd(0.01, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4)]
    public partial class DeepTanhNet;

    [Network(Loss.CrossEntropy, L1 = 1e-5, L2 = 1e-4)]
    [Input(64)]
    [Dense(32, Activation.ReLU, Dropout = 0.25)]
    [Dense(4, Activation.Tanh, Dropout = 0.1)]
    [Dense(10, Activation.Softmax)]
    [AdamW(1e-3, AmsGrad = true)]
    public partial class RegularizedDigitsNet;

    public static partial class Controllers
    {
        internal partial class Pendulum
        {
            [Network(Loss.BinaryCrossEntropy)]
            [Input(3)]
            [Dense(24, Activation.LeakyReLU)]
            [Dense(1, Activation.Sigmoid)]
            [RmsProp(0.01, Centered = true, Momentum = 0.5)]
            private partial class @event;
        }
    }
}
