using System;

namespace NetGen.Kernels;

/// <summary>
/// Converts a dense layer between the internal layout (weights input-major [in, out], then bias) and
/// PyTorch's canonical one (weight [out, in] row-major, then bias).
/// </summary>
public static class Layout
{
    /// <summary>Writes the layer held in <paramref name="layer"/> to <paramref name="canonical"/>.</summary>
    public static void ToCanonical<T>(ReadOnlySpan<T> layer, Span<T> canonical, int inSize, int outSize)
    {
        int weights = inSize * outSize;
        Checks.Length(layer, weights + outSize, nameof(layer));
        Checks.Length(canonical, weights + outSize, nameof(canonical));
        for (int o = 0; o < outSize; o++)
            for (int i = 0; i < inSize; i++)
                canonical[o * inSize + i] = layer[i * outSize + o];
        layer.Slice(weights).CopyTo(canonical.Slice(weights));
    }

    /// <summary>Reads the layer in <paramref name="canonical"/> into <paramref name="layer"/>.</summary>
    public static void FromCanonical<T>(ReadOnlySpan<T> canonical, Span<T> layer, int inSize, int outSize)
    {
        int weights = inSize * outSize;
        Checks.Length(canonical, weights + outSize, nameof(canonical));
        Checks.Length(layer, weights + outSize, nameof(layer));
        for (int o = 0; o < outSize; o++)
            for (int i = 0; i < inSize; i++)
                layer[i * outSize + o] = canonical[o * inSize + i];
        canonical.Slice(weights).CopyTo(layer.Slice(weights));
    }
}
