using System;

namespace NetGen.Generator.Weights;

/// <summary>
/// A floating-point tensor's values as doubles, each exactly the value the file holds: F64 as it is, F32, F16
/// and BF16 widened, which loses nothing. The network's precision is applied when the values are written.
/// </summary>
internal static class TensorValues
{
    public static double[] ToDoubles(SafetensorsTensorSpec tensor)
    {
        byte[] data = [.. tensor.Data];
        int size = tensor.DType is "F64" ? 8 : tensor.DType is "F32" ? 4 : 2;
        var values = new double[data.Length / size];
        for (int i = 0; i < values.Length; i++)
        {
            int at = i * size;
            values[i] = tensor.DType switch
            {
                "F64" => BitConverter.Int64BitsToDouble((long)Little(data, at, 8)),
                "F32" => SingleFromBits((uint)Little(data, at, 4)),
                "BF16" => SingleFromBits((uint)Little(data, at, 2) << 16),
                _ => HalfToDouble((ushort)Little(data, at, 2)),
            };
        }
        return values;
    }

    /// <summary>The little-endian unsigned integer of <paramref name="count"/> bytes at <paramref name="at"/>, whatever the host's byte order.</summary>
    private static ulong Little(byte[] data, int at, int count)
    {
        ulong value = 0;
        for (int b = count - 1; b >= 0; b--)
            value = (value << 8) | data[at + b];
        return value;
    }

    private static double SingleFromBits(uint bits) => BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);

    /// <summary>IEEE 754 binary16: sign, 5 exponent bits (bias 15), 10 fraction bits; subnormals, infinities and NaN included.</summary>
    public static double HalfToDouble(ushort bits)
    {
        int exponent = (bits >> 10) & 0x1F, fraction = bits & 0x3FF;
        double magnitude = exponent switch
        {
            0x1F => fraction == 0 ? double.PositiveInfinity : double.NaN,
            0 => fraction * Math.Pow(2, -24),
            _ => (1024 + fraction) * Math.Pow(2, exponent - 25),
        };
        // Negated rather than multiplied by a sign, so that -0 stays -0.
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
