using NetGen;

namespace NetGen.Benchmarks.Networks;

/// <summary>W1, W2: the material's spiral classifier.</summary>
[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
[Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
[Sgd(1.0)]
public partial class SpiralNet;

/// <summary>W3: a small regressor of the kind a control loop embeds.</summary>
[Network(Loss.MeanSquaredError)]
[Input(16)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(1, Activation.Identity)]
[Sgd(0.01)]
public partial class ControlNet;

/// <summary>W4: the material's MNIST-shaped classifier, for inference.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.1)]
public partial class MnistNet;

/// <summary>W5, W6 (and W8): the MNIST-shaped classifier trained with Adam.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(1e-3)]
public partial class MnistAdamNet;

/// <summary>W7: a tiny two-output regressor whose gradient a simulation asks for often.</summary>
[Network(Loss.MeanSquaredError)]
[Input(24)]
[Dense(8, Activation.Tanh)]
[Dense(2, Activation.Identity)]
[Sgd(0.01)]
public partial class RegressorNet;

/// <summary>The batched-inference sweep (with <see cref="MnistNet"/> for 784-256-10): 64-64-10.</summary>
[Network(Loss.CrossEntropy)]
[Input(64)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.1)]
public partial class Sweep64Net;

/// <summary>The batched-inference sweep: 256-256-10.</summary>
[Network(Loss.CrossEntropy)]
[Input(256)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.1)]
public partial class Sweep256Net;

/// <summary>The batched-inference sweep: 1024-1024-10, whose 4 MB of first-layer weights leave L2.</summary>
[Network(Loss.CrossEntropy)]
[Input(1024)]
[Dense(1024, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.1)]
public partial class Sweep1024Net;
