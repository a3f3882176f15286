namespace NetGen.CompiledWeights.Tests.Networks;

// One network per file and precision that PyTorch wrote (../NetGen.Tests/Data/make_safetensors_interop.py), each
// declared as the script builds the model and compiled with that file's weights.

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/seq_f32.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialF32FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/seq_f32.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialF32DoubleNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/seq_f64.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialF64DoubleNet;

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/seq_f16.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialF16FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/seq_f16.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialF16DoubleNet;

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/seq_bf16.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialBF16FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/seq_bf16.safetensors")]
[Input(6)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.2, Dropout = 0.25)]
[Dense(4, Activation.Softmax)]
public partial class SequentialBF16DoubleNet;

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/named_f32.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedF32FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/named_f32.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedF32DoubleNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/named_f64.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedF64DoubleNet;

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/named_f16.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedF16FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/named_f16.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedF16DoubleNet;

[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/named_bf16.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedBF16FloatNet;

[Network(Loss.CrossEntropy, Precision = Precision.Double, Weights = "../NetGen.Tests/Data/named_bf16.safetensors")]
[Input(64)]
[Dense(32, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class NamedBF16DoubleNet;

/// <summary>The material's MultiLayerPerceptronClass, 784-256-10 (lin_1, lin_2), from bfloat16.</summary>
[Network(Loss.CrossEntropy, Weights = "../NetGen.Tests/Data/named784_bf16.safetensors")]
[Input(784)]
[Dense(256, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class Named784BF16FloatNet;
