using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// Weights as 8-bit integers with one scale a row, symmetric: <c>s = max|w| / 127</c> and
/// <c>q = clamp(round(w / s), −127, 127)</c>, ties to even, so that <c>w ≈ q·s</c>; −128 is left out so that q and
/// −q both exist. A row whose scale would not be a normal float (all zeros, or too small) keeps zeros and scale 0.
/// </summary>
/// <remarks>
/// Part of the generated-code contract (docs/generated-code-contract.md) between NetGen's packages of one version: <see cref="QuantizedNetwork"/> and
/// NetGen.Onnx's quantized export quantize weights with it, so that both hold the same bytes. It is not an API to
/// call, and it changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Int8Rows
{
    /// <summary>The largest magnitude of a quantized weight.</summary>
    public const int Largest = 127;

    /// <summary>Writes <paramref name="row"/> quantized to <paramref name="quantized"/> and returns its scale.</summary>
    /// <exception cref="ArgumentException"><paramref name="quantized"/> is shorter than <paramref name="row"/>.</exception>
    public static float Quantize(ReadOnlySpan<float> row, Span<sbyte> quantized)
    {
        Checks.AtLeast<sbyte>(quantized, row.Length, nameof(quantized));
        float largest = 0f;
        foreach (float w in row)
            largest = MathF.Max(largest, MathF.Abs(w));
        float scale = largest / Largest;
        if (!float.IsNormal(scale))
        {
            quantized.Slice(0, row.Length).Clear();
            return 0f;
        }
        for (int i = 0; i < row.Length; i++)
            quantized[i] = (sbyte)Math.Clamp((int)MathF.Round(row[i] / scale), -Largest, Largest);
        return scale;
    }
}
