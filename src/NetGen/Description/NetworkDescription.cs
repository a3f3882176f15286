using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>
/// What a network's declaration says: its input size, its layers in order, loss, precision, penalties
/// and optimizer. Every generated class has one as its static <c>Description</c>, also reached through
/// <see cref="INetwork{T}.Description"/>; serializers name, shape and check the tensors by it.
/// </summary>
public sealed partial class NetworkDescription
{
    /// <summary>
    /// Describes a network of <paramref name="layers"/> on inputs of <paramref name="inputSize"/> values, placing each
    /// layer after the one before it and naming its tensors as PyTorch's <c>state_dict</c> does: by its
    /// <see cref="LayerDescription.Name"/> where the layers are named, else by its index in an <c>nn.Sequential</c>
    /// that holds each layer's <c>Linear</c>, then its activation's module (none for the identity), then its <c>Dropout</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive, some layers are named and others not, or a name is empty, holds a '.' or is repeated.</exception>
    public NetworkDescription(Precision precision, Loss loss, int inputSize, IReadOnlyList<LayerDescription> layers, OptimizerDescription optimizer)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        if (layers.Count == 0)
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        CheckNames(layers);

        var placed = new LayerDescription[layers.Count];
        int size = inputSize, module = 0;
        long offset = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            LayerDescription layer = layers[l] ?? throw new ArgumentNullException(nameof(layers), $"Layer {l + 1} is null.");
            if (layer.OutputSize < 1)
                throw new ArgumentException($"Layer {l + 1} has {layer.OutputSize} outputs; expected at least 1.", nameof(layers));
            string prefix = layer.Name ?? module.ToString(System.Globalization.CultureInfo.InvariantCulture);
            placed[l] = layer with
            {
                InputSize = size, ParameterOffset = checked((int)offset), WeightName = prefix + ".weight", BiasName = prefix + ".bias",
            };
            offset += ((long)size + 1) * layer.OutputSize;
            if (offset > Array.MaxLength)
                throw new ArgumentException($"The layers hold {offset} parameters, more than an array holds ({Array.MaxLength}).", nameof(layers));
            module += 1 + (LayerDescription.PyTorchModule(layer.Activation, layer.NegativeSlope) is null ? 0 : 1) + (layer.Dropout > 0 ? 1 : 0);
            size = layer.OutputSize;
        }
        (Precision, Loss, InputSize, Layers, Optimizer, ParameterCount) = (precision, loss, inputSize, placed, optimizer, (int)offset);
    }

    /// <summary>The element type: float for <see cref="Precision.Single"/>, double for <see cref="Precision.Double"/>.</summary>
    public Precision Precision { get; }

    /// <summary>The declared loss.</summary>
    public Loss Loss { get; }

    /// <summary>The number of values in one input sample.</summary>
    public int InputSize { get; }

    /// <summary>The number of values in one output sample: the last layer's size.</summary>
    public int OutputSize => Layers[^1].OutputSize;

    /// <summary>The number of weights and biases of every layer.</summary>
    public int ParameterCount { get; }

    /// <summary>The layers, first to last, each placed after the one before.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>The declared optimizer and its settings.</summary>
    public OptimizerDescription Optimizer { get; }

    /// <summary>The L1 penalty on the weights, λ₁·Σ|w| added to the loss (<see cref="NetworkAttribute.L1"/>).</summary>
    public double L1 { get; init; }

    /// <summary>The L2 penalty on the weights, λ₂·Σw² added to the loss (<see cref="NetworkAttribute.L2"/>).</summary>
    public double L2 { get; init; }

    /// <summary>The shape, activations, loss, optimizer and precision, such as <c>2-10-3 Sigmoid/Softmax, CrossEntropy, SGD(lr=1, …), float</c>.</summary>
    public override string ToString()
    {
        string sizes = string.Join("-", Layers.Select(l => l.OutputSize).Prepend(InputSize));
        string activations = string.Join("/", Layers.Select(l => l.Activation.ToString()).Distinct());
        return $"{sizes} {activations}, {Loss}, {Optimizer}, {(Precision == Precision.Double ? "double" : "float")}";
    }

    private static void CheckNames(IReadOnlyList<LayerDescription> layers)
    {
        int named = layers.Count(l => l?.Name is not null);
        if (named != 0 && named != layers.Count)
            throw new ArgumentException(
                $"{named} of {layers.Count} layers are named: name every layer (a model of named modules) or none (an nn.Sequential).", nameof(layers));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (LayerDescription layer in layers)
        {
            if (layer?.Name is not { } name)
                continue;
            if (name.Length == 0 || name.Contains('.'))
                throw new ArgumentException($"Layer name '{name}' cannot name a PyTorch module: it must be non-empty and hold no '.'.", nameof(layers));
            if (!seen.Add(name))
                throw new ArgumentException($"Two layers are named '{name}'; each module needs a name of its own.", nameof(layers));
        }
    }
}
