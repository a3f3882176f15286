using NetGen;

namespace PyTorchRoundTrip;

/// <summary>
/// The network train_in_pytorch.py trains: nn.Sequential(Linear(64, 32), ReLU(), Linear(32, 10)), whose state_dict
/// names are 0.weight, 0.bias, 2.weight and 2.bias. PyTorch's model ends in logits and its loss applies the softmax;
/// NetGen's ends in the Softmax, which its cross-entropy fuses the same way.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(64)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Sgd(0.05, Momentum = 0.9)]
public partial class DigitsMlp;
