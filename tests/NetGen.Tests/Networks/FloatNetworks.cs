using NetGen.Tests.Support;

namespace NetGen.Tests.Networks;

// Single-precision networks for the reference comparison, allocation and argument tests. Sizes
// are chosen off the vector widths (7, 13, 17, 33, ...) so that the kernels run their vector
// blocks and their scalar tails; the small layers are generated unrolled.

[Network(Loss.CrossEntropy)]
[Input(7)]
[Dense(13, Activation.Tanh)]
[Dense(33, Activation.ReLU)]
[Dense(5, Activation.Softmax)]
public partial class FloatCrossEntropyNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 7, new(13, Activation.Tanh), new(33, Activation.ReLU), new(5, Activation.Softmax));
}

[Network(Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Activation.Sigmoid)]
[Dense(2, Activation.Identity)]
public partial class FloatSmallMseNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 3, new(4, Activation.Sigmoid), new(2, Activation.Identity));
}

[Network(Loss.BinaryCrossEntropy)]
[Input(17)]
[Dense(9, Activation.LeakyReLU)]
[Dense(1, Activation.Sigmoid)]
public partial class FloatBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 17, new(9, Activation.LeakyReLU), new(1, Activation.Sigmoid));
}

[Network(Loss.MeanSquaredError)]
[Input(5)]
[Dense(24, Activation.ReLU)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
public partial class FloatDeepMseNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 5, new(24, Activation.ReLU), new(16, Activation.Tanh), new(12, Activation.Sigmoid), new(3, Activation.Tanh));
}

[Network(Loss.BinaryCrossEntropy)]
[Input(6)]
[Dense(10, Activation.Identity)]
[Dense(8, Activation.Sigmoid)]
public partial class FloatMultiBinaryNet
{
    public static Architecture Architecture { get; } =
        new(Loss.BinaryCrossEntropy, 6, new(10, Activation.Identity), new(8, Activation.Sigmoid));
}

[Network(Loss.MeanSquaredError)]
[Input(2)]
[Dense(40, Activation.Sigmoid)]
[Dense(10, Activation.Softmax)]
public partial class FloatSoftmaxMseNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 2, new(40, Activation.Sigmoid), new(10, Activation.Softmax));
}

/// <summary>One layer only, above the unroll limit: the first layer is also the last.</summary>
[Network(Loss.MeanSquaredError)]
[Input(33)]
[Dense(9, Activation.Identity)]
public partial class FloatLinearNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 33, new LayerShape(9, Activation.Identity));
}

/// <summary>A single Identity output, a regressor: Predict steps at 0.</summary>
[Network(Loss.MeanSquaredError)]
[Input(4)]
[Dense(16, Activation.LeakyReLU)]
[Dense(1, Activation.Identity)]
public partial class FloatRegressionNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(16, Activation.LeakyReLU), new(1, Activation.Identity));
}

/// <summary>
/// The control-loop regressor's shape: two Tanh layers of two 512-bit vectors each, then one output
/// that the one-sample path computes as a dot product of the registers before it.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(16)]
[Dense(32, Activation.Tanh)]
[Dense(32, Activation.Tanh)]
[Dense(1, Activation.Identity)]
public partial class FloatControlNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 16, new(32, Activation.Tanh), new(32, Activation.Tanh), new(1, Activation.Identity));
}

/// <summary>
/// A softmax of one output, which is 1 whatever its logit: the one-sample path must not take the
/// dot product it uses for other single outputs after a layer of whole vectors.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(4)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Softmax)]
public partial class FloatSingleSoftmaxNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 4, new(16, Activation.Tanh), new(1, Activation.Softmax));
}

/// <summary>
/// LeakyReLU with a slope of its own in single precision: 8 float inputs fill one Vector256 (the
/// vector-rows kernels), and the one-sample path applies the slope in registers.
/// </summary>
[Network(Loss.CrossEntropy)]
[Input(8)]
[Dense(16, Activation.LeakyReLU, NegativeSlope = 0.1)]
[Dense(3, Activation.Softmax)]
public partial class FloatSteepLeakyReLUNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 8, new(16, Activation.LeakyReLU, 0.1), new(3, Activation.Softmax));
}

/// <summary>SiLU in single precision: 8 float inputs fill one Vector256 (vector rows); GELUTanh in the final layer under MSE.</summary>
[Network(Loss.MeanSquaredError)]
[Input(8)]
[Dense(16, Activation.SiLU)]
[Dense(3, Activation.GELUTanh)]
public partial class FloatSiLUGELUTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 8, new(16, Activation.SiLU), new(3, Activation.GELUTanh));
}

/// <summary>ELU in single precision: 8 float inputs fill one Vector256 (vector rows), then a softmax classifier.</summary>
[Network(Loss.CrossEntropy)]
[Input(8)]
[Dense(16, Activation.ELU)]
[Dense(3, Activation.Softmax)]
public partial class FloatELUNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 8, new(16, Activation.ELU), new(3, Activation.Softmax));
}

/// <summary>Softplus in single precision: 8 float inputs fill one Vector256 (vector rows), then a softmax classifier.</summary>
[Network(Loss.CrossEntropy)]
[Input(8)]
[Dense(16, Activation.Softplus)]
[Dense(3, Activation.Softmax)]
public partial class FloatSoftplusNet
{
    public static Architecture Architecture { get; } =
        new(Loss.CrossEntropy, 8, new(16, Activation.Softplus), new(3, Activation.Softmax));
}

/// <summary>GELU and Mish in single precision: 8 float inputs fill one Vector256 (vector rows), Mish in the final layer under MSE.</summary>
[Network(Loss.MeanSquaredError)]
[Input(8)]
[Dense(16, Activation.GELU)]
[Dense(3, Activation.Mish)]
public partial class FloatGELUMishNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 8, new(16, Activation.GELU), new(3, Activation.Mish));
}

/// <summary>
/// Eight Tanh layers up to 16 wide: the widest one-sample path is written out statement by statement,
/// and the narrower ones, past the planner's budget of multiply-adds, take their inputs in loops.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(8)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(2, Activation.Tanh)]
public partial class FloatDeepTanhNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 8, new(16, Activation.Tanh), new(16, Activation.Tanh), new(16, Activation.Tanh), new(16, Activation.Tanh),
            new(16, Activation.Tanh), new(16, Activation.Tanh), new(8, Activation.Tanh), new(2, Activation.Tanh));
}

/// <summary>
/// Ten layers of at most 36 weights: the first seven (252 weights) are written out statement by
/// statement, and the rest, past the planner's budget of unrolled weights, call the product kernels.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(6)]
[Dense(6, Activation.Tanh)]
[Dense(6, Activation.Sigmoid)]
[Dense(6, Activation.Tanh)]
[Dense(6, Activation.Sigmoid)]
[Dense(6, Activation.Tanh)]
[Dense(6, Activation.Sigmoid)]
[Dense(6, Activation.Tanh)]
[Dense(6, Activation.Sigmoid)]
[Dense(6, Activation.Tanh)]
[Dense(2, Activation.Identity)]
public partial class FloatNarrowStackNet
{
    public static Architecture Architecture { get; } =
        new(Loss.MeanSquaredError, 6, new(6, Activation.Tanh), new(6, Activation.Sigmoid), new(6, Activation.Tanh), new(6, Activation.Sigmoid),
            new(6, Activation.Tanh), new(6, Activation.Sigmoid), new(6, Activation.Tanh), new(6, Activation.Sigmoid), new(6, Activation.Tanh),
            new(2, Activation.Identity));
}
