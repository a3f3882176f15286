using System;

namespace NetGen;

/// <summary>
/// One fully connected layer as declared, <c>y = activation(W·x + b)</c>, and where it sits: its input
/// size, its parameters' place in the canonical order and their tensor names. <see cref="NetworkDescription"/>
/// fills in the placement from the layers before it.
/// </summary>
/// <param name="OutputSize">The number of outputs, as <see cref="DenseAttribute.Size"/>.</param>
/// <param name="Activation">The function applied to each output.</param>
public sealed record LayerDescription(int OutputSize, Activation Activation)
{
    /// <summary>How the weights start: the scheme <see cref="Init.Default"/> stands for is resolved already (He or Xavier).</summary>
    public Init Init { get; init; } = Init.XavierUniform;

    /// <summary>The factor on the initial weights (<see cref="DenseAttribute.InitScale"/>).</summary>
    public double InitScale { get; init; } = 1.0;

    /// <summary>The probability of zeroing each output while training (inverted dropout), 0 for none.</summary>
    public double Dropout { get; init; }

    /// <summary><see cref="Activation.LeakyReLU"/>'s slope for negative inputs (PyTorch's <c>negative_slope</c>); unused by other activations.</summary>
    public double NegativeSlope { get; init; } = 0.01;

    /// <summary>
    /// The module's name in a PyTorch model written with named modules (<see cref="DenseAttribute.Name"/>, such as
    /// <c>lin_1</c>), or null for an <c>nn.Sequential</c>, whose modules are numbered.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The number of inputs: the network's input size for the first layer, else the size of the layer before.</summary>
    public int InputSize { get; internal init; }

    /// <summary>The weight tensor's name in PyTorch's <c>state_dict</c>, such as <c>0.weight</c> or <c>lin_1.weight</c>.</summary>
    public string WeightName { get; internal init; } = "";

    /// <summary>The bias tensor's name in PyTorch's <c>state_dict</c>, such as <c>0.bias</c> or <c>lin_1.bias</c>.</summary>
    public string BiasName { get; internal init; } = "";

    /// <summary>
    /// Where the layer's parameters start in the canonical order that <see cref="INetwork{T}.ExportParameters"/>
    /// writes: its weight [<see cref="OutputSize"/>, <see cref="InputSize"/>] row-major, then its bias [<see cref="OutputSize"/>].
    /// </summary>
    public int ParameterOffset { get; internal init; }

    /// <summary>The number of weights, <see cref="InputSize"/> · <see cref="OutputSize"/>.</summary>
    public int WeightCount => InputSize * OutputSize;

    /// <summary>The number of weights and biases.</summary>
    public int ParameterCount => WeightCount + OutputSize;

    /// <summary>How PyTorch spells the modules the layer stands for, such as <c>Linear(2, 10), Sigmoid()</c>.</summary>
    public override string ToString()
    {
        string modules = $"Linear({InputSize}, {OutputSize})";
        if (PyTorchModule(Activation, NegativeSlope) is { } activation)
            modules += ", " + activation;
        if (Dropout > 0)
            modules += $", Dropout(p={Dropout.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
        return modules;
    }

    /// <summary>The PyTorch module that computes <paramref name="activation"/>, or null for the identity, which has none.</summary>
    internal static string? PyTorchModule(Activation activation, double negativeSlope) => activation switch
    {
        Activation.Identity => null,
        Activation.Sigmoid => "Sigmoid()",
        Activation.Tanh => "Tanh()",
        Activation.ReLU => "ReLU()",
        Activation.LeakyReLU => $"LeakyReLU(negative_slope={negativeSlope.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})",
        Activation.Softmax => "Softmax(dim=1)",
        Activation.SiLU => "SiLU()",
        Activation.GELUTanh => "GELU(approximate='tanh')",
        Activation.ELU => "ELU()",
        Activation.Softplus => "Softplus()",
        Activation.GELU => "GELU()",
        Activation.Mish => "Mish()",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not an Activation."),
    };
}
