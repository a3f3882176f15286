namespace NetGen.Generator.Tests.Golden;

/// <summary>The declarations whose generated source is kept as golden files.</summary>
internal static class GoldenNetworks
{
    /// <summary>The declaration of the field named <paramref name="network"/>.</summary>
    public static string Source(string network) => (string)typeof(GoldenNetworks).GetField(network)!.GetValue(null)!;

    public const string TinySigmoid = """
        using NetGen;

        namespace Golden;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(2, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        [Sgd(0.5)]
        public partial class TinySigmoidNet;
        """;

    public const string Spiral = """
        using NetGen;

        namespace Golden;

        [Network(Loss.CrossEntropy)]
        [Input(2)]
        [Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
        [Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
        [Sgd(1.0)]
        public partial class SpiralNet;
        """;

    public const string Mnist = """
        using NetGen;

        namespace Golden.Vision;

        [Network(Loss.CrossEntropy, Precision = Precision.Double)]
        [Input(784)]
        [Dense(256, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        [Adam(1e-3)]
        public partial class MnistNet;
        """;

    public const string DeepTanh = """
        using NetGen;

        namespace Golden;

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
        """;

    public const string RegularizedDigits = """
        using NetGen;

        namespace Golden;

        [Network(Loss.CrossEntropy, L1 = 1e-5, L2 = 1e-4)]
        [Input(64)]
        [Dense(32, Activation.ReLU, Dropout = 0.25)]
        [Dense(4, Activation.Tanh, Dropout = 0.1)]
        [Dense(10, Activation.Softmax)]
        [AdamW(1e-3, AmsGrad = true)]
        public partial class RegularizedDigitsNet;
        """;

    public const string NestedRmsProp = """
        using NetGen;

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
        """;
}
