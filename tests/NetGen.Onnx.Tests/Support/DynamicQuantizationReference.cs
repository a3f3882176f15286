using System;

namespace NetGen.Onnx.Tests.Support;

/// <summary>
/// The quantized model's arithmetic written out plainly from its definitions, apart from the exporter: the weights
/// quantized as ONNX Runtime's <c>quantize_dynamic(weight_type=QInt8, per_channel=True)</c> does, and each layer's
/// input as ONNX's DynamicQuantizeLinear specifies, then an exact integer product, its scale, the bias and the
/// activation, all in float as the runtime computes them.
/// </summary>
public static class DynamicQuantizationReference
{
    /// <summary>
    /// W [out, in] to int8 per output row: scale = max |W[o,·]| / 127 (1 for a row of zeros),
    /// q[o,i] = clamp(round-half-even(W[o,i] / scale), −127, 127); q is returned in W's own [out, in] order.
    /// </summary>
    public static (sbyte[] Values, float[] Scales) QuantizeWeight(ReadOnlySpan<float> weight, int outputs, int inputs)
    {
        var values = new sbyte[outputs * inputs];
        var scales = new float[outputs];
        for (int o = 0; o < outputs; o++)
        {
            float largest = 0;
            for (int i = 0; i < inputs; i++)
                largest = Math.Max(largest, Math.Abs(weight[o * inputs + i]));
            scales[o] = largest == 0 ? 1f : largest / 127f;
            for (int i = 0; i < inputs; i++)
            {
                float q = MathF.Round(weight[o * inputs + i] / scales[o], MidpointRounding.ToEven);
                values[o * inputs + i] = (sbyte)Math.Min(127f, Math.Max(-127f, q));
            }
        }
        return (values, scales);
    }

    /// <summary>
    /// ONNX's DynamicQuantizeLinear over the whole tensor: the range [min(0, min x), max(0, max x)] mapped onto 0..255,
    /// scale = (max − min) / 255 (1 where the range is empty), zero point = saturate(round(0 − min / scale)),
    /// x_q = saturate(round(x / scale) + zero point), rounding half to even.
    /// </summary>
    public static (byte[] Values, float Scale, byte ZeroPoint) QuantizeInput(ReadOnlySpan<float> x)
    {
        float min = 0, max = 0;
        foreach (float value in x)
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        float scale = max == min ? 1f : (max - min) / 255f;
        byte zeroPoint = Saturate(MathF.Round(0 - min / scale, MidpointRounding.ToEven));
        var values = new byte[x.Length];
        for (int k = 0; k < x.Length; k++)
            values[k] = Saturate(MathF.Round(x[k] / scale, MidpointRounding.ToEven) + zeroPoint);
        return (values, scale, zeroPoint);
    }

    /// <summary>
    /// The quantized network's output for <paramref name="batch"/> rows of <paramref name="input"/>: per layer,
    /// y[r,o] = activation(float(Σᵢ (x_q[r,i] − x_zp)·q[o,i]) · (x_scale·scale_o) + b[o]).
    /// </summary>
    public static float[] Forward(INetwork<float> network, float[] input, int batch)
    {
        var parameters = new float[network.ParameterCount];
        network.ExportParameters(parameters);
        float[] x = input;
        int offset = 0;
        foreach (LayerDescription layer in network.Description.Layers)
        {
            int inputs = layer.InputSize, outputs = layer.OutputSize;
            (sbyte[] weight, float[] weightScales) = QuantizeWeight(parameters.AsSpan(offset, outputs * inputs), outputs, inputs);
            ReadOnlySpan<float> bias = parameters.AsSpan(offset + outputs * inputs, outputs);
            offset += outputs * inputs + outputs;

            (byte[] xq, float xScale, byte xZeroPoint) = QuantizeInput(x);
            var y = new float[batch * outputs];
            for (int r = 0; r < batch; r++)
                for (int o = 0; o < outputs; o++)
                {
                    int sum = 0;
                    for (int i = 0; i < inputs; i++)
                        sum += (xq[r * inputs + i] - xZeroPoint) * weight[o * inputs + i];
                    y[r * outputs + o] = (float)sum * (xScale * weightScales[o]) + bias[o];
                }
            Activate(layer, y, batch, outputs);
            x = y;
        }
        return x;
    }

    private static void Activate(LayerDescription layer, float[] y, int batch, int outputs)
    {
        switch (layer.Activation)
        {
            case Activation.Identity: break;
            case Activation.ReLU: Apply(y, v => Math.Max(v, 0f)); break;
            case Activation.LeakyReLU: Apply(y, v => v > 0 ? v : (float)layer.NegativeSlope * v); break;
            case Activation.Sigmoid: Apply(y, v => 1f / (1f + MathF.Exp(-v))); break;
            case Activation.Tanh: Apply(y, MathF.Tanh); break;
            case Activation.Softmax:
                for (int r = 0; r < batch; r++)
                {
                    Span<float> row = y.AsSpan(r * outputs, outputs);
                    float largest = float.NegativeInfinity, total = 0;
                    foreach (float v in row)
                        largest = Math.Max(largest, v);
                    for (int o = 0; o < outputs; o++)
                        total += row[o] = MathF.Exp(row[o] - largest);
                    for (int o = 0; o < outputs; o++)
                        row[o] /= total;
                }
                break;
            default: throw new NotSupportedException($"The reference has no {layer.Activation}.");
        }
    }

    private static void Apply(float[] values, Func<float, float> function)
    {
        for (int k = 0; k < values.Length; k++)
            values[k] = function(values[k]);
    }

    private static byte Saturate(float value) => (byte)Math.Min(255f, Math.Max(0f, value));
}
