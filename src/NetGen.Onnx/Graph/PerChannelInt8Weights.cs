using System;

namespace NetGen.Onnx.Graph;

/// <summary>
/// A dense layer's weight W [out, in] quantized to int8 symmetrically per output channel, as ONNX Runtime's
/// <c>quantize_dynamic(weight_type=QInt8, per_channel=True)</c> quantizes a weight:
/// <c>scale_o = max_i |W[o,i]| / 127</c> (1 for a row of zeros, so that nothing divides by zero) and
/// <c>q[i,o] = clamp(round(W[o,i] / scale_o), −127, 127)</c>, rounded half to even, zero point 0, so that
/// <c>W[o,i] ≈ scale_o · q[i,o]</c>. The values are stored transposed, [in, out]: the B of MatMulInteger's x·B.
/// </summary>
internal sealed class PerChannelInt8Weights
{
    /// <summary>The symmetric range: −128 is left out so that q and −q both exist, as quantize_dynamic leaves it out.</summary>
    public const int Largest = 127;

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
        for (int o = 0; o < outputs; o++)
        {
            ReadOnlySpan<double> row = weight.Slice(o * inputs, inputs);
            float largest = 0;
            foreach (double w in row)
                largest = MathF.Max(largest, MathF.Abs((float)w));
            // In float, as the quantizer computes it (numpy float32), so that the same weights give the same bytes.
            float scale = largest == 0 ? 1 : largest / Largest;
            scales[o] = scale;
            for (int i = 0; i < inputs; i++)
                transposed[i * outputs + o] = (sbyte)Math.Clamp(MathF.Round((float)row[i] / scale, MidpointRounding.ToEven), -Largest, Largest);
        }
        return new PerChannelInt8Weights(transposed, scales);
    }
}
