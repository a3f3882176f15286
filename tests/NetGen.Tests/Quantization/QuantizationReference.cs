using System;
using System.Collections.Generic;

namespace NetGen.Tests.Quantization;

/// <summary>
/// Plain loops of what the quantized formats mean, written from their definitions in the docs (not from the
/// kernels): 7-bit activation levels over a row's range, 8-bit weights scaled per row, bfloat16 as the nearest of
/// the two 16-bit truncations, float32 weights as they are, and the layer arithmetic they give, in double.
/// </summary>
internal static class QuantizationReference
{
    public const int Levels = 127;

    /// <summary>The levels, the step and the zero point of <paramref name="row"/>: lo = min(0, min x), hi = max(0, max x).</summary>
    public static (byte[] Levels, float Step, int ZeroPoint) QuantizeRow(ReadOnlySpan<float> row)
    {
        float lo = 0f, hi = 0f;
        foreach (float x in row)
            (lo, hi) = (Math.Min(lo, x), Math.Max(hi, x));
        var levels = new byte[row.Length];
        if (hi == lo)
            return (levels, 1f, 0);
        float inverse = Levels / (hi - lo);
        int zero = (int)MathF.Round(-lo * inverse, MidpointRounding.ToEven);
        for (int i = 0; i < row.Length; i++)
        {
            int q = (int)MathF.Round(row[i] * inverse, MidpointRounding.ToEven) + zero;
            levels[i] = (byte)Math.Min(Math.Max(q, 0), Levels);
        }
        return (levels, (hi - lo) / Levels, zero);
    }

    /// <summary>One row of weights as 8-bit integers and its scale, largest magnitude / 127.</summary>
    public static (sbyte[] Weights, float Scale) QuantizeWeights(ReadOnlySpan<float> row)
    {
        float largest = 0f;
        foreach (float w in row)
            largest = Math.Max(largest, Math.Abs(w));
        float scale = largest / 127f;
        var q = new sbyte[row.Length];
        if (scale == 0f)
            return (q, 0f);
        for (int i = 0; i < row.Length; i++)
            q[i] = (sbyte)Math.Clamp((int)MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127, 127);
        return (q, scale);
    }

    /// <summary>The bfloat16 nearest <paramref name="value"/>, ties to the even one, found among the two truncations that bracket it.</summary>
    public static float NearestBFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        float down = BitConverter.UInt32BitsToSingle(bits & 0xFFFF0000u);
        float up = BitConverter.UInt32BitsToSingle((bits & 0xFFFF0000u) + 0x10000u);
        double toDown = Math.Abs((double)value - down), toUp = Math.Abs((double)up - value);
        if (toDown != toUp)
            return toDown < toUp ? down : up;
        return ((BitConverter.SingleToUInt32Bits(down) >> 16) & 1) == 0 ? down : up;
    }

    /// <summary>
    /// What a quantized network computes for one sample, in double from the formats' definitions:
    /// each layer's weights converted, its input quantized (Int8), then <c>activation(W·x + b)</c>.
    /// </summary>
    public static double[] Forward(INetwork<float> network, WeightFormat format, ReadOnlySpan<float> input)
    {
        var parameters = new float[network.ParameterCount];
        network.ExportParameters(parameters);
        float[] x = input.ToArray();
        double[] y = [];
        foreach (LayerDescription layer in network.Description.Layers)
        {
            y = new double[layer.OutputSize];
            var levels = format == WeightFormat.Int8 ? QuantizeRow(x) : default;
            for (int o = 0; o < layer.OutputSize; o++)
            {
                ReadOnlySpan<float> row = parameters.AsSpan(layer.ParameterOffset + o * layer.InputSize, layer.InputSize);
                double sum = 0;
                if (format == WeightFormat.Int8)
                {
                    (sbyte[] q, float scale) = QuantizeWeights(row);
                    long integer = 0;
                    for (int i = 0; i < layer.InputSize; i++)
                        integer += (long)(levels.Levels[i] - levels.ZeroPoint) * q[i];
                    sum = integer * (double)levels.Step * scale;
                }
                else
                {
                    for (int i = 0; i < layer.InputSize; i++)
                        sum += (double)(format == WeightFormat.BFloat16 ? NearestBFloat16(row[i]) : row[i]) * x[i];
                }
                y[o] = sum + parameters[layer.ParameterOffset + layer.WeightCount + o];
            }
            Activate(y, layer);
            x = Array.ConvertAll(y, v => (float)v);
        }
        return y;
    }

    private static void Activate(double[] y, LayerDescription layer)
    {
        switch (layer.Activation)
        {
            case Activation.Softmax:
                double max = double.NegativeInfinity, total = 0;
                foreach (double v in y)
                    max = Math.Max(max, v);
                for (int o = 0; o < y.Length; o++)
                    total += y[o] = Math.Exp(y[o] - max);
                for (int o = 0; o < y.Length; o++)
                    y[o] /= total;
                break;
            case Activation.ReLU:
                for (int o = 0; o < y.Length; o++)
                    y[o] = Math.Max(y[o], 0);
                break;
            case Activation.LeakyReLU:
                for (int o = 0; o < y.Length; o++)
                    y[o] = y[o] > 0 ? y[o] : y[o] * layer.NegativeSlope;
                break;
            case Activation.Sigmoid:
                for (int o = 0; o < y.Length; o++)
                    y[o] = 1 / (1 + Math.Exp(-y[o]));
                break;
            case Activation.Tanh:
                for (int o = 0; o < y.Length; o++)
                    y[o] = Math.Tanh(y[o]);
                break;
            case Activation.Identity:
                break;
            default:
                throw new NotSupportedException($"The reference has no {layer.Activation}.");
        }
    }

    /// <summary>Random values uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static float[] Uniform(int count, float low, float high, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = low + (high - low) * random.NextSingle();
        return values;
    }

    /// <summary>Lengths from 1 to three 512-bit float vectors and a few beyond, and some wide ones.</summary>
    public static IEnumerable<int> Lengths()
    {
        for (int n = 1; n <= 3 * 16 + 5; n++)
            yield return n;
        foreach (int n in new[] { 63, 64, 65, 127, 128, 129, 255, 256, 784, 1000 })
            yield return n;
    }
}
