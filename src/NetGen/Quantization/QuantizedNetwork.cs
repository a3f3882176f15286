using System;
using System.Linq;
using NetGen.Kernels;
using NetGen.Quantization;

namespace NetGen;

/// <summary>
/// A trained float network for inference with its weights in fewer bytes (<see cref="WeightFormat"/>): the same
/// layers and activations, <c>y = activation(W·x + b)</c>, with <c>W</c> read as 8-bit integers or 16-bit floats and
/// the biases float. Made once by <see cref="From"/> (or <c>network.Quantize(format)</c>); it does not train and does
/// not follow the network it came from. Like a generated network, <see cref="Forward"/> and <see cref="Predict"/> may be
/// called from any number of threads at once and allocate nothing once a thread has made its scratch.
/// </summary>
public sealed class QuantizedNetwork
{
    private readonly QuantizedLayer[] _layers;
    private readonly int _width, _paddedInput, _sumRows;

    private QuantizedNetwork(NetworkDescription description, WeightFormat format, float outputThreshold, QuantizedLayer[] layers)
    {
        (Description, Format, OutputThreshold, _layers) = (description, format, outputThreshold, layers);
        _width = layers.Max(layer => layer.OutputSize);
        _paddedInput = layers.Max(layer => layer.PaddedInput);
        _sumRows = layers.Max(layer => layer.SumRows);
        Bytes = layers.Sum(layer => layer.Bytes);
    }

    /// <summary>
    /// Converts <paramref name="network"/>'s current parameters to <paramref name="format"/>. Int8 scales each
    /// weight row by its largest magnitude; BFloat16 rounds each weight to nearest even.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter is not finite, a weight is beyond what the format holds, or a layer is too large for the format.</exception>
    public static QuantizedNetwork From(INetwork<float> network, WeightFormat format)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkDescription description = network.Description;
        var parameters = new float[network.ParameterCount];
        network.ExportParameters(parameters);
        int bad = Checks.IndexOfNonFinite<float>(parameters);
        if (bad >= 0)
            throw new ArgumentException($"Parameter {bad} (in the canonical order) is {parameters[bad]}; a network to quantize needs finite parameters.", nameof(network));
        var layers = new QuantizedLayer[description.Layers.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            LayerDescription layer = description.Layers[l];
            ReadOnlySpan<float> weights = parameters.AsSpan(layer.ParameterOffset, layer.WeightCount);
            ReadOnlySpan<float> bias = parameters.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize);
            layers[l] = format switch
            {
                WeightFormat.Int8 => new Int8Layer(layer, weights, bias),
                WeightFormat.BFloat16 => new PackedLayer<BFloat16Format>(layer, weights, bias),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected a member of WeightFormat."),
            };
        }
        return new QuantizedNetwork(description, format, network.OutputThreshold, layers);
    }

    /// <summary>The layers, sizes and activations of the network this was made from.</summary>
    public NetworkDescription Description { get; }

    /// <summary>The format the weights are stored in.</summary>
    public WeightFormat Format { get; }

    /// <summary>The number of values in one input sample.</summary>
    public int InputSize => Description.InputSize;

    /// <summary>The number of values in one output sample.</summary>
    public int OutputSize => Description.OutputSize;

    /// <summary>The threshold <see cref="Predict"/> applies to a single output, as the network it was made from.</summary>
    public float OutputThreshold { get; }

    /// <summary>The bytes that inference reads: weights with their padding and scales, and biases.</summary>
    public long Bytes { get; }

    /// <summary>
    /// Inference: one sample, or a batch when the spans hold whole multiples of <see cref="InputSize"/> and
    /// <see cref="OutputSize"/> (row-major, one sample a row). Each sample is computed alone, so a row's output does
    /// not depend on the rows beside it.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not a whole number of rows, or the two disagree on the batch.</exception>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        int batch = Checks.BatchSize(input.Length, InputSize, nameof(input));
        Checks.Rows(output.Length, batch, OutputSize, nameof(OutputSize), nameof(output));
        QuantizedScratch scratch = QuantizedScratch.For(_width, _paddedInput, _sumRows);
        for (int sample = 0; sample < batch; sample++)
            ForwardOne(input.Slice(sample * InputSize, InputSize), output.Slice(sample * OutputSize, OutputSize), scratch);
    }

    /// <summary>
    /// The index of the largest output; for a single output, 1 when it is above <see cref="OutputThreshold"/>, else 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not one sample, or holds NaN or an infinity.</exception>
    public int Predict(ReadOnlySpan<float> input)
    {
        Checks.Length(input, InputSize, nameof(input));
        Checks.Finite(input, nameof(input));
        QuantizedScratch scratch = QuantizedScratch.For(_width, _paddedInput, _sumRows);
        // The output row lies in the scratch row the last layer did not read.
        Span<float> output = (_layers.Length % 2 == 0 ? scratch.Second : scratch.First).AsSpan(0, OutputSize);
        ForwardOne(input, output, scratch);
        return Predictions.Decide<float>(output, OutputThreshold);
    }

    private void ForwardOne(ReadOnlySpan<float> input, Span<float> output, QuantizedScratch scratch)
    {
        ReadOnlySpan<float> x = input;
        for (int l = 0; l < _layers.Length; l++)
        {
            QuantizedLayer layer = _layers[l];
            Span<float> y = l == _layers.Length - 1 ? output : (l % 2 == 0 ? scratch.First : scratch.Second).AsSpan(0, layer.OutputSize);
            layer.Forward(x, y, scratch);
            x = y;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Description} with {Format} weights";
}
