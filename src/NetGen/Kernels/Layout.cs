using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Converts a dense layer between the internal layout (weights input-major [in, out], or panel by panel where
/// <see cref="HoldsPanels{T}"/> says so, then bias) and PyTorch's canonical one (weight [out, in] row-major, then bias).
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
    public static void ToCanonical<T>(ReadOnlySpan<T> layer, Span<T> canonical, int inSize, int outSize, bool panels = false) where T : unmanaged
    {
        Checks.Length(layer, (inSize + 1) * outSize, nameof(layer));
        Checks.Length(canonical, (inSize + 1) * outSize, nameof(canonical));
        for (int o = 0; o < outSize; o++)
            for (int i = 0; i < inSize; i++)
                canonical[o * inSize + i] = layer[WeightIndex<T>(i, o, inSize, outSize, panels)];
        layer.Slice(inSize * outSize).CopyTo(canonical.Slice(inSize * outSize));
    }

    /// <summary>Reads the layer in <paramref name="canonical"/> into <paramref name="layer"/>.</summary>
    public static void FromCanonical<T>(ReadOnlySpan<T> canonical, Span<T> layer, int inSize, int outSize, bool panels = false) where T : unmanaged
    {
        Checks.Length(canonical, (inSize + 1) * outSize, nameof(canonical));
        Checks.Length(layer, (inSize + 1) * outSize, nameof(layer));
        for (int o = 0; o < outSize; o++)
            for (int i = 0; i < inSize; i++)
                layer[WeightIndex<T>(i, o, inSize, outSize, panels)] = canonical[o * inSize + i];
        canonical.Slice(inSize * outSize).CopyTo(layer.Slice(inSize * outSize));
    }

    /// <summary>Where weight w[i, o] of a layer lies among its weights, input-major or panel by panel.</summary>
    private static int WeightIndex<T>(int i, int o, int inSize, int outSize, bool panels) where T : unmanaged =>
        panels ? PanelIndex<T>(i, o, inSize) : i * outSize + o;

    /// <summary>
    /// Whether a first layer of <paramref name="outSize"/> outputs keeps its weights panel by panel on this core: each
    /// <see cref="PanelWidth{T}"/> outputs' weights [in, width] row-major, one panel after the other, as the matrix
    /// product reads them on a core with two full-width 512-bit FMA pipes. Its forward products then read the weights
    /// where they lie instead of copying their columns each call: on an Ice Lake core, a 1024-1024-10 network's Forward
    /// at batch 16 took 274-283 instead of 395-612 us. Decided once per network type, from the kind of core.
    /// </summary>
    public static bool HoldsPanels<T>(int outSize) where T : unmanaged
        => outSize > 0 && outSize % PanelWidth<T>() == 0 && MatrixProduct.PackedColumns<T>(outSize) == outSize;

    /// <summary>The outputs of a panel: four 512-bit vectors, 64 floats or 32 doubles.</summary>
    public static int PanelWidth<T>() where T : unmanaged => 4 * Vector512<T>.Count;

    /// <summary>Where weight w[i, o] of a layer of <paramref name="inSize"/> inputs held panel by panel lies.</summary>
    public static int PanelIndex<T>(int i, int o, int inSize) where T : unmanaged
    {
        int width = PanelWidth<T>();
        return o / width * inSize * width + i * width + o % width;
    }

    /// <summary>Rearranges input-major weights [in, out], in place, panel by panel.</summary>
    public static void ToPanels<T>(Span<T> weights, int inSize, int outSize) where T : unmanaged
    {
        Checks.Length<T>(weights, inSize * outSize, nameof(weights));
        T[] inputMajor = weights.ToArray();
        for (int i = 0; i < inSize; i++)
            for (int o = 0; o < outSize; o++)
                weights[PanelIndex<T>(i, o, inSize)] = inputMajor[i * outSize + o];
    }

    /// <summary>Writes the transpose of the [rows, columns] matrix <paramref name="source"/> to <paramref name="destination"/>.</summary>
    /// <remarks>
    /// Training transposes a layer's weights every batch (for its input gradient): indexed, with two bounds checks an
    /// element, a 256 x 10 layer took 1.39 us against 1.04 for a loop that reads the source in order;
    /// with each element's place in the destination multiplied out, 0.94-0.97 us against 0.69-0.74 for this one, which
    /// steps a reference along each (a Zen 5 core).
    /// </remarks>
    public static void Transpose<T>(ReadOnlySpan<T> source, Span<T> destination, int rows, int columns)
    {
        Checks.Length(source, rows * columns, nameof(source));
        Checks.Length(destination, rows * columns, nameof(destination));
        ref T from = ref MemoryMarshal.GetReference(source);
        ref T to = ref MemoryMarshal.GetReference(destination);
        for (int r = 0; r < rows; r++)
        {
            ref T column = ref Unsafe.Add(ref to, r);
            for (int c = 0; c < columns; c++)
            {
                column = from;
                from = ref Unsafe.Add(ref from, 1);
                column = ref Unsafe.Add(ref column, rows);
            }
        }
    }

}
