using System;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

internal static partial class MatrixProduct
{
    /// <summary>
    /// The ends of the four-vector panels from <paramref name="start"/> (on a <paramref name="tall"/> core only) and of
    /// the two-vector panels after them, for whole vectors of <paramref name="width"/> up to <paramref name="end"/>.
    /// </summary>
    private static (int Quads, int Pairs) PanelEnds(int start, int end, int width, bool tall)
    {
        int quads = tall ? start + (end - start) / (4 * width) * (4 * width) : start;
        return (quads, quads + (end - quads) / (2 * width) * (2 * width));
    }

    /// <summary>
    /// How many of B's first columns <see cref="PackPanels"/> packs for a product of <paramref name="columns"/> columns on
    /// this core: on a core with two full-width 512-bit pipes, those of its four- and two-vector panels; elsewhere none,
    /// since those cores read B in place or in tiles of rows wherever they were measured fastest.
    /// </summary>
    internal static int PackedColumns<T>(int columns) where T : unmanaged
    {
        if (!Tall<T, Vector512<T>>())
            return 0;
        int width = Vector512<T>.Count;
        return PanelEnds(0, columns / width * width, width, tall: true).Pairs;
    }

    /// <summary>
    /// Packs B's first <see cref="PackedColumns{T}"/> columns as the products read them (see <see cref="MultiplyPanels"/>):
    /// each panel's rows contiguous, from its first column times <paramref name="depth"/>. For a B read by many products
    /// unchanged, such as a frozen network's weights, packed once where a product would copy its panels each time: a
    /// 1024-1024 layer at batch 16 ran in 270 instead of 428 us on an Ice Lake core, its copies waiting on L3, and 784-256
    /// at batch 256 in 587 instead of 632 us.
    /// </summary>
    /// <param name="b">B, row-major [depth, columns].</param>
    /// <param name="panels">At least <c>PackedColumns(columns)·depth</c> elements.</param>
    /// <param name="columns">Columns of B.</param>
    /// <param name="depth">Rows of B.</param>
    internal static void PackPanels<T>(ReadOnlySpan<T> b, Span<T> panels, int columns, int depth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count;
        int packed = PackedColumns<T>(columns);
        (int quads, _) = PanelEnds(0, packed, width, tall: true);
        for (int j0 = 0; j0 < packed;)
        {
            int panelWidth = (j0 < quads ? 4 : 2) * width;
            Span<T> panel = panels.Slice(j0 * depth, panelWidth * depth);
            for (int p = 0; p < depth; p++)
                b.Slice(p * columns + j0, panelWidth).CopyTo(panel.Slice(p * panelWidth, panelWidth));
            j0 += panelWidth;
        }
    }
}
