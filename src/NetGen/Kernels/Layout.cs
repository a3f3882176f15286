using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// Converts a dense layer between the internal layout (weights input-major [in, out], then bias) and
/// PyTorch's canonical one (weight [out, in] row-major, then bias).
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Layout
{
    /// <summary>Writes the layer held in <paramref name="layer"/> to <paramref name="canonical"/>.</summary>
    public static void ToCanonical<T>(ReadOnlySpan<T> layer, Span<T> canonical, int inSize, int outSize) =>
        TransposeWeights(layer, canonical, rows: inSize, columns: outSize, outSize);

    /// <summary>Reads the layer in <paramref name="canonical"/> into <paramref name="layer"/>.</summary>
    public static void FromCanonical<T>(ReadOnlySpan<T> canonical, Span<T> layer, int inSize, int outSize) =>
        TransposeWeights(canonical, layer, rows: outSize, columns: inSize, outSize);

    /// <summary>Writes the transpose of the [rows, columns] matrix <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, Span<T> destination, int rows, int columns)
    {
        Checks.Length(source, rows * columns, nameof(source));
        Checks.Length(destination, rows * columns, nameof(destination));
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                destination[c * rows + r] = source[r * columns + c];
    }

    /// <summary>Transposes the [rows, columns] weight matrix at the start of a layer and copies the bias after it.</summary>
    private static void TransposeWeights<T>(ReadOnlySpan<T> source, Span<T> destination, int rows, int columns, int biasSize)
    {
        int weights = rows * columns;
        Checks.Length(source, weights + biasSize, nameof(source));
        Checks.Length(destination, weights + biasSize, nameof(destination));
        Transpose(source.Slice(0, weights), destination.Slice(0, weights), rows, columns);
        source.Slice(weights).CopyTo(destination.Slice(weights));
    }
}
