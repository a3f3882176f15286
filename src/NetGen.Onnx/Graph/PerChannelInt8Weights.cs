using System;
using NetGen.Kernels;

namespace NetGen.Onnx.Graph;

/// <summary>
/// A dense layer's weight W [out, in] quantized to int8 symmetrically per output channel, as ONNX Runtime's
/// <c>quantize_dynamic(weight_type=QInt8, per_channel=True)</c> quantizes a weight:
/// <c>scale_o = max_i |W[o,i]| / 127</c> (1 for a row of zeros, so that nothing divides by zero) and
/// <c>q[i,o] = clamp(round(W[o,i] / scale_o), −127, 127)</c>, rounded half to even, zero point 0, so that
/// <c>W[o,i] ≈ scale_o · q[i,o]</c>, in float as the quantizer computes it (numpy float32), by <see cref="Int8Rows"/>.
/// The values are stored transposed, [in, out]: the B of MatMulInteger's x·B.
/// </summary>
internal sealed class PerChannelInt8Weights
{
    private PerChannelInt8Weights(sbyte[] transposed, float[] scales) => (Transposed, Scales) = (transposed, scales);

    /// <summary>q [in, out], row-major.</summary>
    public sbyte[] Transposed { get; }

    /// <summary>scale_o per output channel, [out].</summary>
    public float[] Scales { get; }

    /// <summary>Quantizes <paramref name="weight"/>, [<paramref name="outputs"/>, <paramref name="inputs"/>] row-major, whose values are floats.</summary>
    public static PerChannelInt8Weights Quantize(ReadOnlySpan<double> weight, int outputs, int inputs)
    {
        var transposed = new sbyte[inputs * outputs];
        var scales = new float[outputs];
        var row = new float[inputs];
        var quantized = new sbyte[inputs];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
                row[i] = (float)weight[o * inputs + i];
            // The bytes QuantizedNetwork holds; a row of zeros takes scale 1, as quantize_dynamic gives it.
            float scale = Int8Rows.Quantize(row, quantized);
            scales[o] = scale == 0 ? 1 : scale;
            for (int i = 0; i < inputs; i++)
                transposed[i * outputs + o] = quantized[i];
        }
        return new PerChannelInt8Weights(transposed, scales);
    }
}
