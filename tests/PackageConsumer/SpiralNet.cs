using NetGen;

[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
[Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
[Sgd(1.0)]
public partial class SpiralNet;
