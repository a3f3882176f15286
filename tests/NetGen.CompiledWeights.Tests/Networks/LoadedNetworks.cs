namespace NetGen.CompiledWeights.Tests.Networks;

// The 784-256-10 declaration without Weights: the runtime's safetensors reader loads the file into it, an
// independent way to the parameters the compiled network must hold. The smaller twins are NetGen.Tests'
// SequentialInterop*Net and NamedInterop*Net, compiled here from their own file.

[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU, Name = "lin_1")]
[Dense(10, Activation.Softmax, Name = "lin_2")]
public partial class Loaded784FloatNet;
