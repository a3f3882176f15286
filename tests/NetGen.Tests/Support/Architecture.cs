using System;
using System.Linq;

namespace NetGen.Tests.Support;

/// <summary>One dense layer as the tests see it: its output size, activation, and LeakyReLU's negative slope (PyTorch's default 0.01 unless the layer sets it).</summary>
public readonly record struct LayerShape(int Size, Activation Activation, double NegativeSlope = 0.01);

/// <summary>
/// A test's own description of a declared network, written next to its attributes. The reference
/// MLP is built from this, never from anything the generator produced, so a generator that misreads
/// the attributes disagrees with it; <see cref="NetworkCase{T}"/> checks the sizes agree.
/// </summary>
public sealed class Architecture(Loss loss, int inputSize, params LayerShape[] layers)
{
    public Loss Loss { get; } = loss;

    public int InputSize { get; } = inputSize;

    public LayerShape[] Layers { get; } = layers.Length > 0 ? layers : throw new ArgumentException("A network has at least one layer.", nameof(layers));

    public int OutputSize => Layers[^1].Size;

    public Activation OutputActivation => Layers[^1].Activation;

    /// <summary>The input size of layer <paramref name="index"/>.</summary>
    public int FanIn(int index) => index == 0 ? InputSize : Layers[index - 1].Size;

    /// <summary>Where layer <paramref name="index"/> starts in the canonical order (weight [out, in], then bias).</summary>
    public int CanonicalOffset(int index) => Enumerable.Range(0, index).Sum(l => (FanIn(l) + 1) * Layers[l].Size);

    public int ParameterCount => CanonicalOffset(Layers.Length);

    /// <summary>True when some layer has a kink at zero (ReLU, LeakyReLU) where finite differences are not valid.</summary>
    public bool HasKinks => Layers.Any(l => l.Activation is Activation.ReLU or Activation.LeakyReLU);

    public override string ToString() =>
        $"{string.Join("-", new[] { InputSize }.Concat(Layers.Select(l => l.Size)))} "
        + $"{string.Join("/", Layers.Select(l => l.Activation))}, {Loss}";
}
