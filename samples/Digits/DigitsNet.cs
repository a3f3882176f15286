using NetGen;

namespace Digits;

/// <summary>64 pixels of an 8x8 digit, 32 ReLU units, 10 classes.</summary>
[Network(Loss.CrossEntropy)]
[Input(64)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(1e-3)]
public partial class DigitsNet;
