namespace NetGen.Tests.Networks;

// The material's lesson on what one neuron can and cannot learn.

/// <summary>A single sigmoid neuron: a linear separator with a soft step.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(1, Activation.Sigmoid)]
[Sgd(1.0)]
public partial class SigmoidNeuron;

/// <summary>One hidden layer of four units is enough to bend the boundary around XOR.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Sgd(0.5)]
public partial class XorNet;
