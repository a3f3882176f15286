namespace NetGen.Tests.Networks;

// Networks for the reliability tests: a hidden layer so wide that a batch's scratch rows outgrow an
// array long before its inputs do, and a dropout network with Adam whose clones must train to the same bits.

[Network(Loss.MeanSquaredError)]
[Input(1)]
[Dense(65536, Activation.ReLU)]
[Dense(1, Activation.Identity)]
public partial class WideHiddenNet;

[Network(Loss.CrossEntropy)]
[Input(4)]
[Dense(16, Activation.Tanh, Dropout = 0.3)]
[Dense(3, Activation.Softmax)]
[Adam(0.01)]
public partial class DropoutAdamNet;
