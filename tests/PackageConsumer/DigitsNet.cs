using NetGen;

[Network(Loss.CrossEntropy, L2 = 1e-4)]
[Input(64)]
[Dense(32, Activation.ReLU, Dropout = 0.1)]
[Dense(10, Activation.Softmax)]
[Adam(1e-3)]
public partial class DigitsNet;
