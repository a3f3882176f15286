using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>The most outputs of a narrow layer whose gradients <see cref="BackwardFromNarrowLayer{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, int, Span{T}, Span{T}, int, int, int, Activation, T)"/> computes in one pass: two registers each, beside seven of its own, of a 512-bit core's 32.</summary>
    private const int NarrowOutputsInRegisters = 12;

    /// <summary>
    /// Everything a layer of <paramref name="size"/> outputs (whole panels) takes from the narrow layer of <paramref name="next"/>
    /// outputs it feeds, given the gradient at that layer's pre-activations <paramref name="dz"/> [batch, next] and its weights
    /// <paramref name="weights"/> [size, next], input-major:
    /// <list type="bullet">
    /// <item><c>dW[j, o] = Σₛ y[s, j]·dz[s, o]</c>, the narrow layer's weight gradient, into <paramref name="weightGradient"/> [size, next];</item>
    /// <item><c>d[s, j] = f′·Σₒ dz[s, o]·w[j, o]</c>, the gradient at this layer's pre-activations through its activation f, whose
    /// derivative reads its outputs <paramref name="outputs"/> [batch, size] alone, into rows [0, batch) of each panel of
    /// <paramref name="dxPanels"/> ([size / width, panelRows, width]), as <see cref="BackwardPanelWeightRows{T}"/> reads it;</item>
    /// <item><c>db[j] = Σₛ d[s, j]</c>, this layer's bias gradient, into <paramref name="biasGradient"/> [size].</item>
    /// </list>
    /// <paramref name="transposed"/> [next, size] and <paramref name="dx"/> [batch, size] are scratch.
    /// </summary>
    /// <remarks>
    /// On a core with full-width 512-bit pipes and at most <see cref="NarrowOutputsInRegisters"/> outputs, one pass does it all,
    /// a vector of columns at a time down the batch, with the narrow layer's weights and gradient for those columns in
    /// registers. Elsewhere, it runs the steps one after the other: the weight gradient as a product as wide as this
    /// layer, transposed; the gradient at its outputs through the weights transposed; the derivative; the bias; the copy
    /// into panels. For a half of 128 of a 784-256-10 network at batch 128 (float, 10 outputs above), the steps took 7.7-8.4 us
    /// and the one pass 4.0-4.3 (a Zen 5 core, in cache); a one-thread training step took 1.4% less time, a two-thread one 2%.
    /// </remarks>
    public static void BackwardFromNarrowLayer<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> weights, ReadOnlySpan<T> outputs,
        Span<T> weightGradient, Span<T> biasGradient, Span<T> dxPanels, int panelRows, Span<T> transposed, Span<T> dx,
        int batch, int size, int next, Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        BackwardFromNarrowLayer(dz, weights, outputs, weightGradient, biasGradient, dxPanels, panelRows, transposed, dx, batch, size, next,
            activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary>As <see cref="BackwardFromNarrowLayer{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, int, Span{T}, Span{T}, int, int, int, Activation)"/>, with the activation's <paramref name="argument"/>.</summary>
    /// <exception cref="ArgumentException">A span's length does not match the sizes, <paramref name="size"/> is not a whole number of panels, or the activation's derivative needs its pre-activation.</exception>
    public static void BackwardFromNarrowLayer<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> weights, ReadOnlySpan<T> outputs,
        Span<T> weightGradient, Span<T> biasGradient, Span<T> dxPanels, int panelRows, Span<T> transposed, Span<T> dx,
        int batch, int size, int next, Activation activation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dz, batch * next, nameof(dz));
        Checks.Length(weights, size * next, nameof(weights));
        Checks.Length(outputs, batch * size, nameof(outputs));
        Checks.Length(weightGradient, size * next, nameof(weightGradient));
        Checks.Length(biasGradient, size, nameof(biasGradient));
        Checks.RowRange(0, batch, panelRows, nameof(batch));
        Checks.Length(dxPanels, panelRows * size, nameof(dxPanels));
        Checks.Length(transposed, next * size, nameof(transposed));
        Checks.Length(dx, batch * size, nameof(dx));
        Checks.PanelColumns<T>(size, nameof(size));
        bool onePass = next <= NarrowOutputsInRegisters && VectorPipes.FullWidthVector512;
        var call = new NarrowLayerCall<T>(dz, weights, outputs, weightGradient, biasGradient, dxPanels, panelRows, batch, size, next, argument, onePass);
        if (ActivationDispatch.Run<T, NarrowLayerCall<T>, bool>(activation, ref call))
            return;
        BackwardWeightRows<T>(dz, outputs, transposed, batch, next, size, 0, next);
        Layout.Transpose<T>(transposed, weightGradient, next, size);
        Layout.Transpose<T>(weights, transposed, size, next);
        BackwardInputTransposed<T>(dz, transposed, dx, batch, size, next);
        Activations.Backward<T>(outputs, dx, activation, argument);
        BackwardBias<T>(dx, biasGradient, batch, size);
        CopyToPanels<T>(dx, dxPanels, 0, batch, size, panelRows);
    }

    /// <summary>
    /// The one pass of <see cref="BackwardFromNarrowLayer{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, int, Span{T}, Span{T}, int, int, int, Activation, T)"/>
    /// where <paramref name="onePass"/> says so; false, having done nothing, where it does not. Throws, before any work, for an
    /// activation whose derivative reads its pre-activation.
    /// </summary>
    private readonly ref struct NarrowLayerCall<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> weights, ReadOnlySpan<T> outputs, Span<T> weightGradient,
        Span<T> biasGradient, Span<T> dxPanels, int panelRows, int batch, int size, int next, T argument, bool onePass) : IActivationCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _dz = dz, _weights = weights, _outputs = outputs;
        private readonly Span<T> _weightGradient = weightGradient, _biasGradient = biasGradient, _dxPanels = dxPanels;

        public bool Run<TActivation>() where TActivation : IActivation<T>
        {
            if (TActivation.DerivativeSource != DerivativeSource.Output)
                Activations.ThrowNeedsPreActivation(typeof(TActivation));
            if (!onePass)
                return false;
            // The transposed weights and weight gradient of a vector of columns, then a row of zeros as long as the narrow
            // layer's longest (see NarrowLayerColumns).
            Span<T> block = stackalloc T[NarrowOutputsInRegisters * (Vector512<T>.Count + 1)];
            block.Clear();
            NarrowLayerColumns<T, TActivation>(ref MemoryMarshal.GetReference(_dz), ref MemoryMarshal.GetReference(_weights),
                ref MemoryMarshal.GetReference(_outputs), ref MemoryMarshal.GetReference(_weightGradient), ref MemoryMarshal.GetReference(_biasGradient),
                ref MemoryMarshal.GetReference(_dxPanels), ref MemoryMarshal.GetReference(block), panelRows, batch, size, next, argument);
            return true;
        }
    }

    /// <summary>
    /// The one pass, a vector of columns j at a time: the narrow layer's weights w[j, o] for them transposed through
    /// <paramref name="block"/> into a register each; then down the batch, each row's <c>Σₒ dz[s, o]·w[j, o]</c> through the
    /// derivative into the panels and the bias, and <c>y[s, j]·dz[s, o]</c> into a register for each o; then those
    /// transposed through <paramref name="block"/> into the weight gradient's rows j. Compiled fully optimized at its first
    /// call, as the products are.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void NarrowLayerColumns<T, TActivation>(ref T dz, ref T weights, ref T outputs, ref T weightGradient, ref T biasGradient,
        ref T dxPanels, ref T block, int panelRows, int batch, int size, int next, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        int count = Vector512<T>.Count, width = Layout.PanelWidth<T>();
        Vector512<T> vArgument = Vector512.Create(argument);
        for (int j = 0; j < size; j += count)
        {
            Layout.Transpose<T>(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref weights, (nint)j * next), count * next),
                MemoryMarshal.CreateSpan(ref block, count * next), count, next);
            Vector512<T> w0 = Vector512.LoadUnsafe(ref block), w1 = Load(ref block, 1, next), w2 = Load(ref block, 2, next), w3 = Load(ref block, 3, next);
            Vector512<T> w4 = Load(ref block, 4, next), w5 = Load(ref block, 5, next), w6 = Load(ref block, 6, next), w7 = Load(ref block, 7, next);
            Vector512<T> w8 = Load(ref block, 8, next), w9 = Load(ref block, 9, next), w10 = Load(ref block, 10, next), w11 = Load(ref block, 11, next);
            Vector512<T> g0 = default, g1 = default, g2 = default, g3 = default, g4 = default, g5 = default;
            Vector512<T> g6 = default, g7 = default, g8 = default, g9 = default, g10 = default, g11 = default;
            Vector512<T> bias = default;
            ref T zeros = ref Unsafe.Add(ref block, NarrowOutputsInRegisters * count);
            ref T y = ref Unsafe.Add(ref outputs, j);
            ref T panelRow = ref Unsafe.Add(ref dxPanels, (nint)(j / width) * panelRows * width + j % width);
            // Two rows a step, so that two sums run their chains of multiply-adds side by side. With an odd batch, the last
            // step's second row reads zeros, which add exact zeros to the weight gradient, and its result is dropped.
            for (int s = 0; s < batch; s += 2)
            {
                bool second = s + 1 < batch;
                ref T dzRow = ref Unsafe.Add(ref dz, (nint)s * next);
                ref T dzRowB = ref second ? ref Unsafe.Add(ref dzRow, next) : ref zeros;
                Vector512<T> ya = Vector512.LoadUnsafe(ref y), yb = second ? Vector512.LoadUnsafe(ref y, (nuint)size) : Vector512<T>.Zero;
                Vector512<T> x = Vector512.Create(dzRow), xb = Vector512.Create(dzRowB);
                Vector512<T> sum = x * w0, sumB = xb * w0;
                g0 = Width512<T>.MultiplyAdd(xb, yb, Width512<T>.MultiplyAdd(x, ya, g0));
                if (next > 1)
                    Output(ref dzRow, ref dzRowB, 1, w1, ya, yb, ref sum, ref sumB, ref g1);
                if (next > 2)
                    Output(ref dzRow, ref dzRowB, 2, w2, ya, yb, ref sum, ref sumB, ref g2);
                if (next > 3)
                    Output(ref dzRow, ref dzRowB, 3, w3, ya, yb, ref sum, ref sumB, ref g3);
                if (next > 4)
                    Output(ref dzRow, ref dzRowB, 4, w4, ya, yb, ref sum, ref sumB, ref g4);
                if (next > 5)
                    Output(ref dzRow, ref dzRowB, 5, w5, ya, yb, ref sum, ref sumB, ref g5);
                if (next > 6)
                    Output(ref dzRow, ref dzRowB, 6, w6, ya, yb, ref sum, ref sumB, ref g6);
                if (next > 7)
                    Output(ref dzRow, ref dzRowB, 7, w7, ya, yb, ref sum, ref sumB, ref g7);
                if (next > 8)
                    Output(ref dzRow, ref dzRowB, 8, w8, ya, yb, ref sum, ref sumB, ref g8);
                if (next > 9)
                    Output(ref dzRow, ref dzRowB, 9, w9, ya, yb, ref sum, ref sumB, ref g9);
                if (next > 10)
                    Output(ref dzRow, ref dzRowB, 10, w10, ya, yb, ref sum, ref sumB, ref g10);
                if (next > 11)
                    Output(ref dzRow, ref dzRowB, 11, w11, ya, yb, ref sum, ref sumB, ref g11);
                Vector512<T> d = TActivation.Backward(default, ya, sum, vArgument);
                d.StoreUnsafe(ref panelRow);
                bias += d;
                if (second)
                {
                    d = TActivation.Backward(default, yb, sumB, vArgument);
                    d.StoreUnsafe(ref panelRow, (nuint)width);
                    bias += d;
                }
                y = ref Unsafe.Add(ref y, 2 * size);
                panelRow = ref Unsafe.Add(ref panelRow, 2 * width);
            }
            bias.StoreUnsafe(ref biasGradient, (nuint)j);
            g0.StoreUnsafe(ref block); Store(g1, ref block, 1, next); Store(g2, ref block, 2, next); Store(g3, ref block, 3, next);
            Store(g4, ref block, 4, next); Store(g5, ref block, 5, next); Store(g6, ref block, 6, next); Store(g7, ref block, 7, next);
            Store(g8, ref block, 8, next); Store(g9, ref block, 9, next); Store(g10, ref block, 10, next); Store(g11, ref block, 11, next);
            Layout.Transpose<T>(MemoryMarshal.CreateReadOnlySpan(ref block, next * count),
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref weightGradient, (nint)j * next), count * next), next, count);
        }

        // Output o's terms after the first for both rows: dz[s, o]·w[j, o] into each row's sum, and y[s, j]·dz[s, o] into o's
        // weight gradient. Inlined, its references are to the caller's registers.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static void Output(ref T dzRow, ref T dzRowB, int o, Vector512<T> w, Vector512<T> ya, Vector512<T> yb,
            ref Vector512<T> sum, ref Vector512<T> sumB, ref Vector512<T> g)
        {
            Vector512<T> x = Vector512.Create(Unsafe.Add(ref dzRow, o)), xb = Vector512.Create(Unsafe.Add(ref dzRowB, o));
            sum = Width512<T>.MultiplyAdd(x, w, sum);
            sumB = Width512<T>.MultiplyAdd(xb, w, sumB);
            g = Width512<T>.MultiplyAdd(xb, yb, Width512<T>.MultiplyAdd(x, ya, g));
        }

        // Output o's vector of the block, or zero past the narrow layer's outputs.
        static Vector512<T> Load(ref T block, int o, int next) =>
            o < next ? Vector512.LoadUnsafe(ref block, (nuint)(o * Vector512<T>.Count)) : Vector512<T>.Zero;

        static void Store(Vector512<T> value, ref T block, int o, int next)
        {
            if (o < next)
                value.StoreUnsafe(ref block, (nuint)(o * Vector512<T>.Count));
        }
    }
}
