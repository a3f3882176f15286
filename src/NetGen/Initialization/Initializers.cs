using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen;

/// <summary>Fills a layer's weights and bias as an <see cref="Init"/> scheme says, from a <see cref="SeededRandom"/>.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Initializers
{
    /// <summary>
    /// Fills <paramref name="weights"/> (input-major, [fanIn, fanOut]) and <paramref name="bias"/> [fanOut].
    /// Numbers are drawn in PyTorch's order, weight [out, in] row-major then bias, so a seed gives the
    /// same network whatever the internal layout. He schemes take PyTorch's gain for the activation
    /// (<c>calculate_gain</c>): √2 after ReLU and the smooth activations shaped like it (SiLU, GELUTanh, ELU, GELU, Mish), <c>√(2 / (1 + s²))</c> after LeakyReLU of negative slope
    /// <paramref name="activationArgument"/> s, 1 otherwise.
    /// </summary>
    public static void InitializeLayer<T>(Span<T> weights, Span<T> bias, int fanIn, int fanOut,
        Init init, Activation activation, double activationArgument, double scale, SeededRandom random)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (fanIn <= 0 || fanOut <= 0)
            throw new ArgumentException($"Layer sizes must be positive; got fan_in {fanIn} and fan_out {fanOut}.");
        if (weights.Length != fanIn * fanOut)
            throw new ArgumentException($"Expected {fanIn * fanOut} weights ({fanIn}x{fanOut}) but got {weights.Length}.", nameof(weights));
        if (bias.Length != fanOut)
            throw new ArgumentException($"Expected {fanOut} biases but got {bias.Length}.", nameof(bias));
        ArgumentNullException.ThrowIfNull(random);

        if (init == Init.Default)
            throw new ArgumentException("Init.Default is resolved by the generator, which knows each activation's scheme: expected a scheme.", nameof(init));
        double gain = activation switch
        {
            // PyTorch users initialize the smooth ReLU-like activations as ReLU: kaiming_normal_(nonlinearity='relu'), gain √2, also what Kaiming users take for ELU.
            Activation.ReLU or Activation.SiLU or Activation.GELUTanh or Activation.ELU or Activation.GELU or Activation.Mish => Math.Sqrt(2.0),
            Activation.LeakyReLU => Math.Sqrt(2.0 / (1.0 + activationArgument * activationArgument)),
            _ => 1.0,
        };
        for (int o = 0; o < fanOut; o++)
        {
            for (int i = 0; i < fanIn; i++)
            {
                double value = init switch
                {
                    Init.HeNormal => scale * gain / Math.Sqrt(fanIn) * random.NextNormal(),
                    Init.HeUniform => Uniform(random, scale * gain * Math.Sqrt(3.0 / fanIn)),
                    Init.XavierNormal => scale * Math.Sqrt(2.0 / (fanIn + fanOut)) * random.NextNormal(),
                    Init.XavierUniform => Uniform(random, scale * Math.Sqrt(6.0 / (fanIn + fanOut))),
                    Init.Normal => scale * random.NextNormal(),
                    Init.Uniform => Uniform(random, scale),
                    Init.PyTorch => Uniform(random, scale / Math.Sqrt(fanIn)),
                    Init.Zeros => 0.0,
                    _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown initialization scheme."),
                };
                weights[i * fanOut + o] = T.CreateChecked(value);
            }
        }
        for (int o = 0; o < fanOut; o++)
            bias[o] = init == Init.PyTorch ? T.CreateChecked(Uniform(random, scale / Math.Sqrt(fanIn))) : T.Zero;
    }

    /// <summary>
    /// Draws every layer of <paramref name="network"/> in order, as <see cref="InitializeLayer{T}"/> does, into
    /// <paramref name="parameters"/> in the internal layout: per layer, its weights [in, out] then its bias, from
    /// <see cref="LayerDescription.ParameterOffset"/>.
    /// </summary>
    public static void InitializeNetwork<T>(Span<T> parameters, NetworkDescription network, SeededRandom random)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (parameters.Length != network.ParameterCount)
            throw new ArgumentException($"Expected {network.ParameterCount} parameters but got {parameters.Length}.", nameof(parameters));
        foreach (LayerDescription layer in network.Layers)
        {
            InitializeLayer(parameters.Slice(layer.ParameterOffset, layer.WeightCount), parameters.Slice(layer.ParameterOffset + layer.WeightCount, layer.OutputSize),
                layer.InputSize, layer.OutputSize, layer.Init, layer.Activation, layer.NegativeSlope, layer.InitScale, random);
        }
    }

    private static double Uniform(SeededRandom random, double bound) => (2.0 * random.NextDouble() - 1.0) * bound;
}
