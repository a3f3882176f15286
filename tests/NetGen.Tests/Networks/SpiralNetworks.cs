namespace NetGen.Tests.Networks;

/// <summary>
/// The material's spiral classifier: 2 inputs, 10 sigmoid units, 3 softmax outputs, weights drawn
/// as <c>0.01 * randn</c> and zero biases, trained by SGD at a learning rate of 1.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
[Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
[Sgd(1.0)]
public partial class SpiralNet;
