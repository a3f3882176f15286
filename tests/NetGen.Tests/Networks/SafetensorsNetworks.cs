namespace NetGen.Tests.Networks;

// Networks whose safetensors files the serialization tests write, break and share with PyTorch
// (Data/make_safetensors_interop.py builds the same models there).

/// <summary>A network small enough that its files are written out by hand in the malformed-file corpus: 3-2-1, 11 parameters.</summary>
[Network(Loss.MeanSquaredError)]
[Input(3)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class TinySafetensorsNet;

/// <summary>
/// nn.Sequential(Linear(6, 16), Tanh(), Linear(16, 12), LeakyReLU(0.2), Dropout(0.25), Linear(12, 4), Softmax(dim=1)):
/// tensors 0.*, 2.*, 5.*.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialInteropFloatNet;

/// <summary>The double twin of <see cref="SequentialInteropFloatNet"/>.</summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialInteropDoubleNet;

/// <summary>
/// A smaller twin of the material's MultiLayerPerceptronClass (lin_1 = Linear(784, 256), lin_2 = Linear(256, 10)):
/// lin_1 = Linear(64, 32), ReLU, lin_2 = Linear(32, 10), softmax.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedInteropFloatNet;

/// <summary>The double twin of <see cref="NamedInteropFloatNet"/>.</summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedInteropDoubleNet;
