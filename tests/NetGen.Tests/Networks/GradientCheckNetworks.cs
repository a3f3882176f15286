using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

// Double-precision networks for the finite-difference check (and the reference comparison).
// Between them they put every hidden activation in front of every loss and output activation, at
// one, two and three hidden layers. Layers of at most 64 weights are generated unrolled, larger
// ones call the kernels; sizes are picked so that both appear, including 8x8 (64, the last
// unrolled size) next to 5x13 (65, the first kernel size). Each class says what it is in
// Architecture, which the tests read instead of anything generated.

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(20, Activation.Identity)]
[Dense(3, Activation.Identity)]
public partial class IdentityHiddenMseIdentityNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(20, Activation.Identity), new(3, Activation.Identity));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.Sigmoid)]
[Dense(16, Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class SigmoidHiddenMseSigmoidNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(5, Activation.Sigmoid), new(16, Activation.Sigmoid), new(2, Activation.Sigmoid));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.Tanh)]
[Dense(2, Activation.Tanh)]
public partial class TanhHiddenMseTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(4, Activation.Tanh), new(16, Activation.Tanh), new(12, Activation.Tanh), new(2, Activation.Tanh));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(20, Activation.ReLU)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class ReLUHiddenMseSoftmaxNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(20, Activation.ReLU), new(8, Activation.ReLU), new(3, Activation.Softmax));
}

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(4)]
[Dense(6, Activation.LeakyReLU)]
[Dense(12, Activation.LeakyReLU)]
[Dense(8, Activation.LeakyReLU)]
[Dense(4, Activation.Softmax)]
public partial class LeakyReLUHiddenCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 4, new(6, Activation.LeakyReLU), new(12, Activation.LeakyReLU), new(8, Activation.LeakyReLU), new(4, Activation.Softmax));
}

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(3)]
[Dense(16, Activation.Tanh)]
[Dense(5, Activation.Softmax)]
public partial class TanhHiddenCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 3, new(16, Activation.Tanh), new(5, Activation.Softmax));
}

[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(2)]
[Dense(3, Activation.Sigmoid)]
[Dense(1, Activation.Sigmoid)]
public partial class SigmoidHiddenBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 2, new(3, Activation.Sigmoid), new(1, Activation.Sigmoid));
}

[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(5)]
[Dense(16, Activation.ReLU)]
[Dense(12, Activation.ReLU)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
public partial class ReLUHiddenMultiBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 5, new(16, Activation.ReLU), new(12, Activation.ReLU), new(4, Activation.ReLU), new(3, Activation.Sigmoid));
}

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.Identity)]
[Dense(20, Activation.Identity)]
[Dense(4, Activation.Softmax)]
public partial class IdentityHiddenCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 3, new(4, Activation.Identity), new(20, Activation.Identity), new(4, Activation.Softmax));
}

[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(20)]
[Dense(8, Activation.LeakyReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class LeakyReLUHiddenBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 20, new(8, Activation.LeakyReLU), new(1, Activation.Sigmoid));
}

[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(2)]
[Dense(16, Activation.Sigmoid)]
[Dense(12, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
public partial class SigmoidHiddenCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 2, new(16, Activation.Sigmoid), new(12, Activation.Sigmoid), new(3, Activation.Sigmoid), new(3, Activation.Softmax));
}

[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(8)]
[Dense(8, Activation.Tanh)]
[Dense(4, Activation.Tanh)]
[Dense(4, Activation.Sigmoid)]
public partial class TanhHiddenMultiBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 8, new(8, Activation.Tanh), new(4, Activation.Tanh), new(4, Activation.Sigmoid));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.ReLU)]
[Dense(2, Activation.Identity)]
public partial class ReLUHiddenMseIdentityNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(4, Activation.ReLU), new(2, Activation.Identity));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(20, Activation.LeakyReLU)]
[Dense(8, Activation.LeakyReLU)]
[Dense(2, Activation.Tanh)]
public partial class LeakyReLUHiddenMseTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(20, Activation.LeakyReLU), new(8, Activation.LeakyReLU), new(2, Activation.Tanh));
}

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(5, Activation.Identity)]
[Dense(13, Activation.Identity)]
[Dense(7, Activation.Identity)]
[Dense(1, Activation.Sigmoid)]
public partial class IdentityHiddenMseSigmoidNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(5, Activation.Identity), new(13, Activation.Identity), new(7, Activation.Identity), new(1, Activation.Sigmoid));
}

/// <summary>No hidden layer at all: logistic regression, the smallest network the generator accepts.</summary>
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(2)]
[Dense(1, Activation.Sigmoid)]
public partial class LogisticRegressionNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 2, new LayerShape(1, Activation.Sigmoid));
}

/// <summary>A bigger double network whose every layer runs on the kernels, for the reference comparison.</summary>
[Network(Loss.CrossEntropy, Precision = Precision.Double)]
[Input(31)]
[Dense(65, Activation.ReLU)]
[Dense(17, Activation.LeakyReLU)]
[Dense(6, Activation.Softmax)]
public partial class WideDoubleCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 31, new(65, Activation.ReLU), new(17, Activation.LeakyReLU), new(6, Activation.Softmax));
}

/// <summary>A single Tanh output: Predict steps at 0, not at 0.5.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(24, Activation.ReLU)]
[Dense(1, Activation.Tanh)]
public partial class ReLUHiddenScalarTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(24, Activation.ReLU), new(1, Activation.Tanh));
}

/// <summary>A kernel layer with a single output, where the kernels' vector loops never run, only their tails.</summary>
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Input(3)]
[Dense(70, Activation.Sigmoid)]
[Dense(1, Activation.Sigmoid)]
public partial class SigmoidHiddenWideBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 3, new(70, Activation.Sigmoid), new(1, Activation.Sigmoid));
}

/// <summary>One input feeding a kernel layer: the smallest row a kernel can be given.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(1)]
[Dense(80, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class ScalarInputTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 1, new(80, Activation.Tanh), new(2, Activation.Identity));
}

/// <summary>
/// The control-loop regressor's shape in double: four 512-bit vectors a layer, and too many 128-bit
/// ones for that width's written-out path, which then takes the kernel of each layer.
/// </summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(16)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Sigmoid)]
[Dense(1, Activation.Identity)]
public partial class DoubleControlNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 16, new(32, Activation.Tanh), new(32, Activation.Sigmoid), new(1, Activation.Identity));
}

// LeakyReLU with a slope of its own: 8 inputs take the vector-rows kernels (whose backward pass
// applies the derivative with the input gradient) and the 12-wide hidden layer the unrolled form.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(8, Activation.LeakyReLU, NegativeSlope = 0.2)]
[Dense(12, Activation.LeakyReLU, NegativeSlope = 0.35)]
[Dense(2, Activation.Identity)]
public partial class SteepLeakyReLUMseIdentityNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(8, Activation.LeakyReLU, 0.2), new(12, Activation.LeakyReLU, 0.35), new(2, Activation.Identity));
}

// Activations whose derivative reads the pre-activation, kept beside the output while training: SiLU in
// an unrolled layer feeding a vector-rows layer (4 double inputs, which must not fuse SiLU's derivative),
// and GELUTanh there and in the final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.SiLU)]
[Dense(16, Activation.GELUTanh)]
[Dense(2, Activation.GELUTanh)]
public partial class SiLUHiddenMseGELUTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(4, Activation.SiLU), new(16, Activation.GELUTanh), new(2, Activation.GELUTanh));
}

// The same activations in product-kernel layers, the first split by rows over a batch of several chunks,
// with SiLU in the final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(31)]
[Dense(40, Activation.GELUTanh)]
[Dense(5, Activation.SiLU)]
[Dense(2, Activation.SiLU)]
public partial class GELUTanhWideMseSiLUNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 31, new(40, Activation.GELUTanh), new(5, Activation.SiLU), new(2, Activation.SiLU));
}

// ELU, whose derivative (y + 1 below 0) reads its output: an unrolled ELU layer of 4 outputs, then a
// Tanh layer that reads one Vector256 of 4 doubles a row (vector rows, whose backward pass applies ELU's
// derivative with its input gradient), and ELU again in the final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(3)]
[Dense(4, Activation.ELU)]
[Dense(12, Activation.Tanh)]
[Dense(2, Activation.ELU)]
public partial class ELUHiddenMseELUNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(4, Activation.ELU), new(12, Activation.Tanh), new(2, Activation.ELU));
}

// Softplus, whose derivative σ(x) reads the pre-activation: a hidden layer of 20 over 9 inputs, and
// Softplus in the final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(9)]
[Dense(20, Activation.Softplus)]
[Dense(3, Activation.Softplus)]
public partial class SoftplusHiddenMseSoftplusNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 9, new(20, Activation.Softplus), new(3, Activation.Softplus));
}

// GELU and Mish, whose derivatives read the pre-activation: a GELU layer of 5 that reads one Vector256
// of 4 doubles a row (vector rows, whose derivative is then left to its own pass), a Mish layer of 24
// over 5 in the product kernels, and GELU in an unrolled final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(4)]
[Dense(5, Activation.GELU)]
[Dense(24, Activation.Mish)]
[Dense(2, Activation.GELU)]
public partial class GELUHiddenMishMseGELUNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(5, Activation.GELU), new(24, Activation.Mish), new(2, Activation.GELU));
}

// Mish in a first layer of 30 over 11 inputs, split by rows where a batch runs in several chunks, and Mish in
// the final layer under MSE.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(11)]
[Dense(30, Activation.Mish)]
[Dense(3, Activation.Mish)]
public partial class MishHiddenMseMishNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 11, new(30, Activation.Mish), new(3, Activation.Mish));
}
