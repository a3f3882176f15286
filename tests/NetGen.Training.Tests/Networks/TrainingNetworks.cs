using NetGen;

namespace NetGen.Training.Tests.Networks;

[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitScale = 0.01)]
[Dense(3, Activation.Softmax, Init = Init.Normal, InitScale = 0.01)]
[Sgd(1.0)]
public partial class SpiralNet;

[Network(Loss.MeanSquaredError)]
[Input(1)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Identity)]
[Adam(0.01)]
public partial class SineNet;

/// <summary>One input fanned out to many identity units with dropout, so that the mask shows in the gradient.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(1)]
[Dense(2000, Activation.Identity, Dropout = 0.3)]
[Dense(1, Activation.Identity)]
public partial class WideDropoutNet;

/// <summary>The same shape as <see cref="PenalizedNet"/> without the penalties.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class PlainNet;

[Network(Loss.MeanSquaredError, Precision = Precision.Double, L1 = 0.01, L2 = 0.02)]
[Input(3)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class PenalizedNet;

[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Identity)]
[Sgd(0.01)]
public partial class SpiralLikeRegressor;

/// <summary>
/// Large enough (about 20,000 operations of training work a sample) that batches are split into
/// chunks of 64 samples, and still quick to train in a test.
/// </summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(64)]
[Dense(48, Activation.Tanh)]
[Dense(5, Activation.Softmax)]
[Adam(0.01)]
public partial class ChunkedNet;

[Network(Loss.MeanSquaredError, L2 = 1e-3)]
[Input(64)]
[Dense(48, Activation.ReLU, Dropout = 0.2)]
[Dense(3, Activation.Identity)]
[Sgd(0.05, Momentum = 0.9)]
public partial class ChunkedDropoutNet;

/// <summary>
/// A first layer too large to unroll on an input too narrow for more than one block of weight rows, so
/// that the first of the two halves its forward product is split into is empty; chunks of 128 samples.
/// </summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(6)]
[Dense(200, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Adam(0.01)]
public partial class NarrowInputChunkedNet;

/// <summary>Over 65,536 parameters, so that with threads to spare the optimizer step and the chunk sum split too.</summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(256)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(1e-3, AmsGrad = true)]
public partial class WideChunkedNet;

/// <summary>
/// <see cref="WideDropoutNet"/>'s shape with a SiLU hidden layer, whose derivative reads the
/// pre-activation the layer keeps while training, with dropout after it.
/// </summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(1)]
[Dense(200, Activation.SiLU, Dropout = 0.3)]
[Dense(1, Activation.Identity)]
public partial class SiLUDropoutNet;

/// <summary>
/// A first layer whose 96 outputs fill three panels of doubles, which it keeps panel by panel on a core whose
/// products read panels, with enough parameters (67,684) for its blocks of weight rows to run on several threads.
/// </summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(700)]
[Dense(96, Activation.ReLU)]
[Dense(4, Activation.Softmax)]
[Adam(0.01)]
public partial class PanelChunkedNet;

/// <summary>
/// A first layer of 128 outputs, two halves of two panels of doubles, which a batch of several chunks splits by halves
/// of its panels on a core whose products read panels; a second layer whose GELU keeps its pre-activation, a third
/// whose gradients come from the chunks, and enough parameters (67,349) for the blocks to run on several threads.
/// </summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(500)]
[Dense(128, Activation.Tanh)]
[Dense(24, Activation.GELU)]
[Dense(5, Activation.Softmax)]
[Adam(0.01)]
public partial class ColumnChunkedNet;

/// <summary>The same split of the first layer, with dropout after the second, and a weight penalty, which moves the optimizer step after the gradients.</summary>
[Network(Loss.MeanSquaredError, L2 = 1e-3)]
[Input(300)]
[Dense(128, Activation.ReLU)]
[Dense(16, Activation.ReLU, Dropout = 0.2)]
[Dense(3, Activation.Identity)]
[Sgd(0.05, Momentum = 0.9)]
public partial class ColumnChunkedDropoutNet;
