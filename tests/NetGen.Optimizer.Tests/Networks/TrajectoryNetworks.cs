namespace NetGen.Optimizer.Tests.Networks;

// One network per case of Data/make_optimizer_expectations.py, all Linear(4, 5), Tanh, Linear(5, 3)
// in double. The declarations carry the same hyperparameters as the PyTorch optimizers there; a test
// reads the attributes back and compares them with the JSON so that a typo here cannot pass unseen.
// CrossEntropy networks end in Softmax (PyTorch's CrossEntropyLoss takes the logits); MSE networks end
// in Identity (the generated MSE is the mean over batch and outputs, as nn.MSELoss).

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1)]
public partial class SgdPlainNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1, Momentum = 0.9)]
public partial class SgdMomentumNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1, Momentum = 0.9, Dampening = 0.5)]
public partial class SgdMomentumDampeningNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Sgd(0.1, Momentum = 0.9, Nesterov = true)]
public partial class SgdNesterovNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1, WeightDecay = 0.05)]
public partial class SgdWeightDecayNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Sgd(0.05, Momentum = 0.8, WeightDecay = 0.01)]
public partial class SgdMomentumWeightDecayNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Adam(0.01)]
public partial class AdamDefaultNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Adam(0.01, WeightDecay = 0.1)]
public partial class AdamWeightDecayNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Adam(0.01, AmsGrad = true)]
public partial class AdamAmsGradNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Adam(0.02, Beta1 = 0.8, Beta2 = 0.95, Epsilon = 1e-3)]
public partial class AdamCustomNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[AdamW(0.01)]
public partial class AdamWDefaultNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[AdamW(0.01, AmsGrad = true, WeightDecay = 0.05)]
public partial class AdamWAmsGradNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[RmsProp(0.01)]
public partial class RmsPropDefaultNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[RmsProp(0.01, Centered = true)]
public partial class RmsPropCenteredNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[RmsProp(0.01, Momentum = 0.9)]
public partial class RmsPropMomentumNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[RmsProp(0.005, Alpha = 0.9, Centered = true, Momentum = 0.5, WeightDecay = 0.02)]
public partial class RmsPropCenteredMomentumWeightDecayNet;

// The scheduled cases set LearningRate before every step, as PyTorch's script sets param_groups' lr.

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1, Momentum = 0.9)]
public partial class SgdMomentumScheduledNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[AdamW(0.01)]
public partial class AdamWScheduledNet;

// Single precision, to follow the double trajectories of AdamDefault and RmsPropCentered to ~1e-5.

[Network(Loss.CrossEntropy)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Adam(0.01)]
public partial class AdamDefaultFloatNet;

[Network(Loss.CrossEntropy)]
[Input(4)]
[Dense(5, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[RmsProp(0.01, Centered = true)]
public partial class RmsPropCenteredFloatNet;
