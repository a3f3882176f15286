using NetGen;

namespace NetGen.Benchmarks.Networks;

/// <summary>The material's spiral classifier.</summary>
[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
[Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
[Sgd(1.0)]
public partial class SpiralNet;

/// <summary>A small regressor of the kind a control loop embeds.</summary>
[Network(Loss.MeanSquaredError)]
[Input(16)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(1, Activation.Identity)]
[Sgd(0.01)]
public partial class ControlNet;

/// <summary>The material's MNIST-shaped classifier.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.1)]
public partial class MnistNet;
