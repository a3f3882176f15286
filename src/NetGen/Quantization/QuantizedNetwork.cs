using System;
using System.Linq;
using NetGen.Kernels;
using NetGen.Quantization;

namespace NetGen;

/// <summary>
/// A trained float network frozen for inference, its weights stored in a <see cref="WeightFormat"/>: the same
/// layers and activations, <c>y = activation(W·x + b)</c>, with <c>W</c> read as 8-bit integers or 16-bit floats in
/// fewer bytes, or as float32 packed for batches, and the biases float. Made once by <see cref="From"/> (or
/// <c>network.Quantize(format)</c>); it does not train and does not follow the network it came from. Like a generated
/// network, <see cref="Forward"/> and <see cref="Predict"/> may be called from any number of threads at once and
/// allocate nothing once a thread has made its scratch.
/// </summary>
public sealed class QuantizedNetwork
{
    private readonly QuantizedLayer[] _layers;
    private readonly int _width, _rowsAtOnce, _paddedInput, _sumRows;

    private QuantizedNetwork(NetworkDescription description, WeightFormat format, float outputThreshold, QuantizedLayer[] layers)
    {
        (Description, Format, OutputThreshold, _layers) = (description, format, outputThreshold, layers);
        _width = layers.Max(layer => layer.OutputSize);
        _rowsAtOnce = layers.Min(layer => layer.RowsAtOnce);
        _paddedInput = layers.Max(layer => layer.PaddedInput);
        _sumRows = layers.Max(layer => layer.SumRows);
        Bytes = layers.Sum(layer => layer.Bytes);
    }

    /// <summary>
    /// Converts <paramref name="network"/>'s current parameters to <paramref name="format"/>. Int8 scales each
    /// weight row by its largest magnitude; BFloat16 rounds each weight to nearest even; Float32 keeps each weight.
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
                WeightFormat.Float32 => new FloatLayer(layer, weights, bias),
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

    /// <summary>The bytes of the weights as stored, with their padding and scales (and Float32's packed panels), and of the biases.</summary>
    public long Bytes { get; }

    /// <summary>
    /// Inference: one sample, or a batch when the spans hold whole multiples of <see cref="InputSize"/> and
    /// <see cref="OutputSize"/> (row-major, one sample a row). Int8 and BFloat16 compute each sample alone, so a row's
    /// output does not depend on the rows beside it. Float32 multiplies up to 256 rows together, summing each in an
    /// order that may depend on how many there are, so that, as with a generated network's own <c>Forward</c>, a row's
    /// last bits may differ between batches.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not a whole number of rows, or the two disagree on the batch.</exception>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        int batch = Checks.BatchSize(input.Length, InputSize, nameof(input));
        Checks.Rows(output.Length, batch, OutputSize, nameof(OutputSize), nameof(output));
        QuantizedScratch scratch = Scratch();
        for (int first = 0; first < batch; first += _rowsAtOnce)
        {
            int rows = Math.Min(_rowsAtOnce, batch - first);
            ForwardRows(input.Slice(first * InputSize, rows * InputSize), output.Slice(first * OutputSize, rows * OutputSize), rows, scratch);
        }
    }

    /// <summary>
    /// The index of the largest output; for a single output, 1 when it is above <see cref="OutputThreshold"/>, else 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not one sample, or holds NaN or an infinity.</exception>
    public int Predict(ReadOnlySpan<float> input)
    {
        Checks.Length(input, InputSize, nameof(input));
        Checks.Finite(input, nameof(input));
        QuantizedScratch scratch = Scratch();
        // The output row lies in the scratch row the last layer did not read.
        Span<float> output = (_layers.Length % 2 == 0 ? scratch.Second : scratch.First).Slice(0, OutputSize);
        ForwardRows(input, output, 1, scratch);
        return Predictions.Decide<float>(output, OutputThreshold);
    }

    /// <summary>This thread's scratch, with room for the layers' outputs of as many rows as they take at once.</summary>
    private QuantizedScratch Scratch() => QuantizedScratch.For(_width * _rowsAtOnce, _paddedInput, _sumRows);

    private void ForwardRows(ReadOnlySpan<float> input, Span<float> output, int rows, QuantizedScratch scratch)
    {
        ReadOnlySpan<float> x = input;
        for (int l = 0; l < _layers.Length; l++)
        {
            QuantizedLayer layer = _layers[l];
            Span<float> y = l == _layers.Length - 1 ? output : (l % 2 == 0 ? scratch.First : scratch.Second).Slice(0, rows * layer.OutputSize);
            layer.Forward(x, y, rows, scratch);
            x = y;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Description} with {Format} weights";
}
