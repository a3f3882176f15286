using NetGen;

namespace NetGen.Plotting.Tests;

/// <summary>Three logits linear in the two inputs; the tests set its weights so they know which class wins where.</summary>
[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(3, Activation.Softmax)]
public partial class LinearClassifier;

/// <summary>The same in double precision.</summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(2)]
[Dense(3, Activation.Softmax)]
public partial class LinearClassifierDouble;

/// <summary>A single sigmoid output: Predict is 1 above 0.5.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(1, Activation.Sigmoid)]
public partial class LogisticClassifier;

/// <summary>A small network that can learn XOR, to make real training histories.</summary>
[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(8, Activation.Tanh)]
[Dense(2, Activation.Softmax)]
[Adam(0.05)]
public partial class XorNet;

/// <summary>Three inputs: not a network whose regions fit a plane.</summary>
[Network(Loss.CrossEntropy)]
[Input(3)]
[Dense(2, Activation.Softmax)]
public partial class ThreeInputClassifier;

/// <summary>A regressor on two inputs, trained on targets: its history has no accuracy.</summary>
[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(1, Activation.Identity)]
[Sgd(0.1)]
public partial class Regressor;
