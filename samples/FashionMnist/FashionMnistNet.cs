using NetGen;

namespace FashionMnist;

/// <summary>The material's MNIST-shaped network: 784 pixels, 256 ReLU units, 10 classes.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(1e-3)]
public partial class FashionMnistNet;
