using System;

namespace NetGen;

/// <summary>
/// Declares a fully connected layer, <c>y = activation(W·x + b)</c>, with <paramref name="size"/> outputs.
/// Layers are applied in the order they are written.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute(int size, Activation activation) : Attribute
{
    /// <summary>The number of outputs of the layer.</summary>
    public int Size { get; } = size;

    /// <summary>The function applied to each output.</summary>
    public Activation Activation { get; } = activation;

    /// <summary>
    /// How the weights start. <see cref="Init.Default"/> means He normal after ReLU, LeakyReLU and the
    /// smooth activations shaped like ReLU (SiLU, GELUTanh, ELU, GELU, Mish), Xavier (Glorot) uniform after anything else. Biases always start at zero.
    /// </summary>
    public Init Init { get; set; } = Init.Default;

    /// <summary>
    /// A factor on the initial weights: the standard deviation of <see cref="Init.Normal"/>, the
    /// half-width of <see cref="Init.Uniform"/>, and a gain on every other scheme.
    /// </summary>
    public double InitScale { get; set; } = 1.0;

    /// <summary>
    /// The probability p of zeroing each of the layer's outputs while training (inverted dropout: the
    /// kept outputs are scaled by 1/(1 − p)). <c>Forward</c> never drops. Hidden layers only.
    /// </summary>
    public double Dropout { get; set; }

    /// <summary>
    /// <see cref="Activation.LeakyReLU"/>'s slope for negative inputs, <c>f(x) = x &lt; 0 ? s·x : x</c>
    /// (PyTorch's <c>negative_slope</c>, 0.01 by default), at least 0. It also sets the gain of He
    /// initialization, <c>√(2 / (1 + s²))</c>, as PyTorch's <c>calculate_gain('leaky_relu', s)</c>.
    /// LeakyReLU layers only.
    /// </summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>
    /// The layer's module name in a PyTorch model written with named modules, so that its tensors are
    /// <c>{Name}.weight</c> and <c>{Name}.bias</c> (<c>Name = "lin_1"</c> for <c>self.lin_1 = nn.Linear(…)</c>). Without
    /// names the layers are numbered as in an <c>nn.Sequential</c> (<c>0.weight</c>, <c>2.weight</c>, …, counting
    /// activation and dropout modules). Name every layer or none; a name is a non-empty identifier.
    /// </summary>
    public string? Name { get; set; }
}
