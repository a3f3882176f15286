using NetGen;

// The README's compiled-in weights: a 784-256-10 model of named modules that PyTorch saved in BF16
// (tests/NetGen.Tests/Data/make_safetensors_interop.py), built into the assembly.
[Network(Loss.CrossEntropy, Weights = "mnist.safetensors")]
[Input(784)]
[Dense(256, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class MnistNet;

/// <summary>The same declaration without compiled weights, which loads the file at run time.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class LoadedMnistNet;
