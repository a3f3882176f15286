using NetGen;

namespace Xor;

/// <summary>Rosenblatt's perceptron with a smooth step: one sigmoid neuron, a straight line through the plane.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(1, Activation.Sigmoid)]
[Sgd(0.5)]
public partial class Perceptron;

/// <summary>One hidden layer of four units bends the boundary enough to separate XOR.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Sgd(0.5)]
public partial class TwoLayerNet;
