using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The dense kernels of a first layer whose weights lie panel by panel (<see cref="Layout.HoldsPanels{T}"/>): each takes
/// the layout as its last argument, and with <c>false</c> is the input-major kernel of the same name.
/// </summary>
public static partial class Dense
{
    /// <summary><see cref="Forward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int)"/> over weights in either layout.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!panels)
        {
            Forward(x, w, bias, z, batch, inSize, outSize);
            return;
        }
        CheckLayer(x, w, bias, z, batch, inSize, outSize);
        MultiplyByPanels(ref MemoryMarshal.GetReference(x), w, inSize, 0, inSize, z, ref MemoryMarshal.GetReference(bias), hasInit: true, batch, outSize);
    }

    /// <summary>
    /// <see cref="Forward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, bool)"/> with the layer's
    /// element-wise <paramref name="activation"/> (not Softmax) applied to z by the product as it completes each block of rows
    /// (see <see cref="MatrixProduct.Multiply{T, TActivation}"/>), rather than in a pass over z after it; the same values as
    /// that pass gives.
    /// </summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize, bool panels, Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Forward(x, w, bias, z, batch, inSize, outSize, panels, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary>The same, with the activation's <paramref name="argument"/> (LeakyReLU's negative slope) instead of its default.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize, bool panels, Activation activation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckLayer(x, w, bias, z, batch, inSize, outSize);
        ref T bias0 = ref MemoryMarshal.GetReference(bias);
        if (panels)
            MultiplyByPanels(ref MemoryMarshal.GetReference(x), w, inSize, 0, inSize, z, ref bias0, hasInit: true, batch, outSize, activation, argument);
        else
            MatrixProduct.Multiply(ref MemoryMarshal.GetReference(x), inSize, 1, ref MemoryMarshal.GetReference(w), ref Unsafe.NullRef<T>(),
                ref MemoryMarshal.GetReference(z), ref bias0, hasInit: true, batch, outSize, inSize, activation, argument);
    }

    /// <summary><see cref="ForwardRows{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, int, int)"/> over weights in either layout.</summary>
    public static void ForwardRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> z,
        int batch, int inSize, int outSize, int firstRow, int rowCount, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!panels)
        {
            ForwardRows(x, w, z, batch, inSize, outSize, firstRow, rowCount);
            return;
        }
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.RowRange(firstRow, rowCount, inSize, nameof(firstRow));
        Checks.Length(z, batch * outSize, nameof(z));
        T zero = T.Zero;
        MultiplyByPanels(ref Unsafe.Add(ref MemoryMarshal.GetReference(x), firstRow), w, inSize, firstRow, rowCount, z, ref zero, hasInit: false, batch, outSize);
    }

    /// <summary>
    /// One sample through a layer in either layout, its activation applied: <see cref="ForwardOne{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, int, int, Span{T}, int, int, Activation)"/>
    /// where the weights are input-major; panel by panel, the product of one row reads the panels and the activation
    /// runs over its outputs after it.
    /// </summary>
    public static void ForwardOne<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> parameters, int weights, int bias, Span<T> z,
        int inSize, int outSize, Activation activation, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => ForwardOne(x, parameters, weights, bias, z, inSize, outSize, activation, ActivationDispatch.DefaultArgument<T>(activation), panels);

    /// <summary>The same, with the activation's <c>argument</c> (LeakyReLU's negative slope) instead of its default.</summary>
    public static void ForwardOne<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> parameters, int weights, int bias, Span<T> z,
        int inSize, int outSize, Activation activation, T argument, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!panels)
        {
            ForwardOne(x, parameters, weights, bias, z, inSize, outSize, activation, argument);
            return;
        }
        Checks.AtLeast(x, inSize, nameof(x));
        Checks.AtLeast(parameters, Math.Max(weights + inSize * outSize, bias + outSize), nameof(parameters));
        Checks.AtLeast(z, outSize, nameof(z));
        Span<T> outputs = z.Slice(0, outSize);
        MultiplyByPanels(ref MemoryMarshal.GetReference(x), parameters.Slice(weights, inSize * outSize), inSize, 0, inSize, outputs,
            ref Unsafe.AsRef(in parameters[bias]), hasInit: true, 1, outSize);
        if (activation == Activation.Softmax)
            Activations.Softmax(outputs, 1, outSize);
        else
            Activations.Forward(outputs, activation, argument);
    }

    /// <summary><see cref="BackwardWeights{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, int, int, int)"/> into a weight gradient in either layout.</summary>
    public static void BackwardWeights<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> dw, Span<T> dBias,
        int batch, int inSize, int outSize, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        BackwardLayerWeightRows(x, dz, dw, batch, inSize, outSize, 0, inSize, panels);
        BackwardBias(dz, dBias, batch, outSize);
    }

    /// <summary>
    /// Rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + <paramref name="rowCount"/> − 1 of a layer's
    /// weight gradient <paramref name="dw"/>, the whole layer's in either layout, overwritten; its other rows are left as
    /// they are. Input-major, the rows are one contiguous range; panel by panel, a range in each panel.
    /// </summary>
    public static void BackwardLayerWeightRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, Span<T> dw,
        int batch, int inSize, int outSize, int firstRow, int rowCount, bool panels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dw, inSize * outSize, nameof(dw));
        Checks.RowRange(firstRow, rowCount, inSize, nameof(firstRow));
        if (!panels)
        {
            BackwardWeightRows(x, dz, dw.Slice(firstRow * outSize, rowCount * outSize), batch, inSize, outSize, firstRow, rowCount);
            return;
        }
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(dz, batch * outSize, nameof(dz));
        int width = Checks.PanelColumns<T>(outSize, nameof(outSize));
        // Each panel's columns of dZ copied together, [batch, width] row-major, then its product, while the copy is
        // still in L1. Input-major, the product copies the same columns itself.
        Span<T> dzPanel = PanelBuffer<T>.Aside(batch * width);
        ref T from = ref MemoryMarshal.GetReference(dz), panel = ref MemoryMarshal.GetReference(dzPanel);
        for (int j0 = 0; j0 < outSize; j0 += width)
        {
            CopyRows(ref Unsafe.Add(ref from, j0), outSize, ref panel, width, width, batch);
            PanelWeightProduct(x, ref panel, dw, batch, inSize, j0, firstRow, rowCount);
        }
    }

    /// <summary>
    /// Rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + <paramref name="rowCount"/> − 1 of a weight
    /// gradient <paramref name="dw"/> held panel by panel, as <see cref="BackwardLayerWeightRows{T}"/>, from a dZ already
    /// copied panel by panel by <see cref="CopyToPanels{T}"/>: [outSize / width, <paramref name="dzPanelRows"/>, width], of
    /// which each panel's first <paramref name="batch"/> rows are the batch's. A batch of several chunks copies its dZ so
    /// once, chunk by chunk, for all the blocks of rows its gradient is computed in: each block copying it again took 4%
    /// of a 784-256-10 training step at batch 128 in eight blocks. The panels should start on a cache line
    /// (<see cref="Alignment.Allocate{T}"/>): in a plain array, each of the product's 512-bit loads straddled two lines,
    /// and the step took 974-996 us against 950-963 for the copies per block.
    /// </summary>
    public static void BackwardPanelWeightRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dzPanels, int dzPanelRows, Span<T> dw,
        int batch, int inSize, int outSize, int firstRow, int rowCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.RowRange(0, batch, dzPanelRows, nameof(batch));
        Checks.Length(dzPanels, dzPanelRows * outSize, nameof(dzPanels));
        Checks.Length(dw, inSize * outSize, nameof(dw));
        Checks.RowRange(firstRow, rowCount, inSize, nameof(firstRow));
        int width = Checks.PanelColumns<T>(outSize, nameof(outSize));
        ref T panels = ref MemoryMarshal.GetReference(dzPanels);
        for (int j0 = 0; j0 < outSize; j0 += width)
            PanelWeightProduct(x, ref Unsafe.Add(ref panels, (nint)j0 * dzPanelRows), dw, batch, inSize, j0, firstRow, rowCount);
    }

    /// <summary>
    /// Copies the rows of <paramref name="rows"/>, [count, size] row-major, into rows <paramref name="first"/> on of each
    /// panel of <paramref name="panels"/>, [size / width, <paramref name="panelRows"/>, width]: a chunk's share of the dZ
    /// that <see cref="BackwardPanelWeightRows{T}"/> reads.
    /// </summary>
    public static void CopyToPanels<T>(ReadOnlySpan<T> rows, Span<T> panels, int first, int count, int size, int panelRows)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(rows, count * size, nameof(rows));
        Checks.RowRange(first, count, panelRows, nameof(first));
        Checks.Length(panels, panelRows * size, nameof(panels));
        int width = Checks.PanelColumns<T>(size, nameof(size));
        ref T from = ref MemoryMarshal.GetReference(rows), to = ref MemoryMarshal.GetReference(panels);
        for (int j0 = 0; j0 < size; j0 += width)
            CopyRows(ref Unsafe.Add(ref from, j0), size, ref Unsafe.Add(ref to, (nint)j0 * panelRows + (nint)first * width), width, width, count);
    }

    /// <summary>
    /// dW's panel from column <paramref name="j0"/>, its rows from <paramref name="firstRow"/> on: Xᵀ·dZ's columns j0 to
    /// j0 + width − 1, given as <paramref name="dzPanel"/>, [batch, width] row-major, which the product reads as a packed
    /// panel with the row stride of the panel it writes.
    /// </summary>
    private static void PanelWeightProduct<T>(ReadOnlySpan<T> x, ref T dzPanel, Span<T> dw, int batch, int inSize, int j0, int firstRow, int rowCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Layout.PanelWidth<T>();
        MatrixProduct.Multiply(ref Unsafe.Add(ref MemoryMarshal.GetReference(x), firstRow), 1, inSize, ref dzPanel, ref dzPanel,
            ref Unsafe.Add(ref MemoryMarshal.GetReference(dw), j0 * inSize + firstRow * width), ref dzPanel, hasInit: false, rowCount, width, batch);
    }

    /// <summary>
    /// <c>z[s, o] = init[o] + Σ x[s, p]·w[firstRow + p, o]</c> for p &lt; <paramref name="depth"/>, w panel by panel and
    /// <paramref name="x"/> the first of <paramref name="depth"/> values in each row of <paramref name="inSize"/>.
    /// </summary>
    private static void MultiplyByPanels<T>(ref T x, ReadOnlySpan<T> w, int inSize, int firstRow, int depth, Span<T> z, ref T init, bool hasInit,
        int rows, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => MultiplyByPanels(ref x, w, inSize, firstRow, depth, z, ref init, hasInit, rows, outSize, Activation.Identity, T.Zero);

    /// <summary>The same, with an element-wise activation applied to z (see <see cref="MatrixProduct.Multiply{T, TActivation}"/>).</summary>
    private static void MultiplyByPanels<T>(ref T x, ReadOnlySpan<T> w, int inSize, int firstRow, int depth, Span<T> z, ref T init, bool hasInit,
        int rows, int outSize, Activation activation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Checks.PanelColumns<T>(outSize, nameof(outSize));
        ref T panels = ref Unsafe.Add(ref MemoryMarshal.GetReference(w), firstRow * width);
        ref T c = ref MemoryMarshal.GetReference(z);
        if (MatrixProduct.PackedColumns<T>(outSize) == outSize)
        {
            MatrixProduct.Multiply(ref x, inSize, 1, ref panels, ref panels, ref c, ref init, hasInit, rows, outSize, depth, activation, argument, panelRows: inSize);
            return;
        }
        // A core whose products read no packed panels (the tests switch the kind of core a process's products take):
        // each panel is a matrix of its own, [inSize, width], its product stored aside and copied into its columns.
        ref T aside = ref MemoryMarshal.GetReference(PanelBuffer<T>.Aside(rows * width));
        for (int j0 = 0; j0 < outSize; j0 += width)
        {
            MatrixProduct.Multiply(ref x, inSize, 1, ref Unsafe.Add(ref panels, j0 * inSize), ref Unsafe.NullRef<T>(), ref aside,
                ref Unsafe.Add(ref init, hasInit ? j0 : 0), hasInit, rows, width, depth, activation, argument);
            CopyRows(ref aside, width, ref Unsafe.Add(ref c, j0), outSize, width, rows);
        }
    }

    /// <summary>
    /// Copies <paramref name="rows"/> rows of <paramref name="width"/> values (a panel's, four 512-bit vectors), from
    /// rows <paramref name="fromStride"/> apart to rows <paramref name="toStride"/> apart, as whole vectors where they are
    /// accelerated. Compiled fully optimized at its first call, as the products are (<see cref="MatrixProduct"/>):
    /// unoptimized, the first calls' copies took longer than their products.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void CopyRows<T>(ref T from, int fromStride, ref T to, int toStride, int width, int rows) where T : unmanaged
    {
        for (int r = 0; r < rows; r++)
        {
            ref T source = ref Unsafe.Add(ref from, r * fromStride), destination = ref Unsafe.Add(ref to, r * toStride);
            if (!Vector512.IsHardwareAccelerated)
            {
                MemoryMarshal.CreateReadOnlySpan(ref source, width).CopyTo(MemoryMarshal.CreateSpan(ref destination, width));
                continue;
            }
            for (int v = 0; v < width; v += Vector512<T>.Count)
                Vector512.LoadUnsafe(ref source, (nuint)v).StoreUnsafe(ref destination, (nuint)v);
        }
    }
}
