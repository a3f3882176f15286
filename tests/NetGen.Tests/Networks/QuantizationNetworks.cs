using NetGen;

namespace NetGen.Tests.Networks;

/// <summary>MNIST's shape: 784-256-10, ReLU then Softmax.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class QuantizedMnistShapeNet;

/// <summary>Three layers of odd sizes and three activations, ending in one sigmoid output.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(37)]
[Dense(50, Activation.Tanh)]
[Dense(21, Activation.LeakyReLU, NegativeSlope = 0.2)]
[Dense(1, Activation.Sigmoid)]
public partial class QuantizedOddShapeNet;

/// <summary>
/// A 1024-wide layer whose weights (1.2 MB) the products of a few rows read in slices, then 100 outputs: a four-vector
/// panel, a two-vector panel and four columns past them on a full-width core.
/// </summary>
[Network(Loss.MeanSquaredError)]
[Input(300)]
[Dense(1024, Activation.ReLU)]
[Dense(100, Activation.Identity)]
public partial class QuantizedWideNet;

/// <summary>A layer so wide (20,000 outputs) that Float32 takes fewer than 256 rows at once, to keep its scratch within 16 MB.</summary>
[Network(Loss.MeanSquaredError)]
[Input(3)]
[Dense(20_000, Activation.ReLU)]
[Dense(2, Activation.Identity)]
public partial class QuantizedVeryWideNet;

/// <summary>A classifier of the 8x8 digits.</summary>
[Network(Loss.CrossEntropy)]
[Input(64)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(0.01)]
public partial class QuantizedDigitsNet;

/// <summary>A classifier of Fashion-MNIST.</summary>
[Network(Loss.CrossEntropy)]
[Input(784)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Adam(0.001)]
public partial class QuantizedFashionNet;

/// <summary>One input more than 8-bit sums in 32 bits allow: 2·127·127·66,573 exceeds int.MaxValue.</summary>
[Network(Loss.MeanSquaredError)]
[Input(66_573)]
[Dense(1, Activation.Identity)]
public partial class QuantizedTooWideNet;
