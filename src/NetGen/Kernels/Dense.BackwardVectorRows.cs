using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The backward pass of a small layer whose input row fills one vector of an accelerated width
    /// (<see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> or <see cref="Vector512{T}"/>: 4, 8 or 16
    /// floats, 2, 4 or 8 doubles): <c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c> and <c>dBias[o] = Σₛ dz[s, o]</c>, overwritten,
    /// and, unless <paramref name="dx"/> is empty, <c>dx[s, i] = f′(x[s, i])·Σₒ w[i, o]·dz[s, o]</c>, the
    /// gradient at the previous layer's pre-activation, where x is that layer's output after
    /// <paramref name="inputActivation"/> f.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every sample's input row is one vector, so a weight-gradient column is one vector accumulated
    /// over the batch (four accumulators, samples s mod 4, added as <c>(a₀ + a₁) + (a₂ + a₃)</c>), and
    /// the input gradient of a sample is one vector built from the weight columns; the derivative is
    /// applied in the same pass, in terms of f's output as <see cref="Activations"/> does, with the same
    /// operations. Other input sizes take a scalar form that sums the batch in order.
    /// </para>
    /// <para>
    /// <paramref name="inputActivation"/> is an element-wise activation whose derivative reads its output
    /// (Identity, Sigmoid, Tanh, ReLU, LeakyReLU); Softmax, whose derivative mixes a row, and one that reads
    /// the pre-activation, which x does not hold, are not applied here.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardVectorRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize, Activation inputActivation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => BackwardVectorRows(x, dz, w, dw, dBias, dx, batch, inSize, outSize, inputActivation,
            ActivationDispatch.DefaultArgument<T>(inputActivation));

    /// <summary>The same, with the activation's <c>argument</c> (LeakyReLU's negative slope) instead of its default.</summary>
    /// <inheritdoc cref="BackwardVectorRows{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, int, int, int, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardVectorRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize, Activation inputActivation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(dw, inSize * outSize, nameof(dw));
        Checks.Length(dBias, outSize, nameof(dBias));
        if (!dx.IsEmpty)
            Checks.Length(dx, batch * inSize, nameof(dx));
        if (inputActivation == Activation.Softmax)
            throw new ArgumentException("Softmax's derivative is not element-wise: expected an element-wise activation whose derivative reads its output.", nameof(inputActivation));
        var call = new BackwardVectorRowsCall<T>(x, dz, w, dw, dBias, dx, batch, inSize, outSize, argument);
        ActivationDispatch.Run<T, BackwardVectorRowsCall<T>, bool>(inputActivation, ref call);
    }

    private readonly ref struct BackwardVectorRowsCall<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize, T argument) : IActivationCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _x = x, _dz = dz, _w = w;
        private readonly Span<T> _dw = dw, _dBias = dBias, _dx = dx;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Run<TActivation>() where TActivation : IActivation<T>
        {
            // The rows hold the previous layer's outputs only: a derivative that reads its pre-activation is applied apart.
            if (TActivation.DerivativeSource != DerivativeSource.Output)
                Activations.ThrowNeedsPreActivation(typeof(TActivation));
            BackwardVectorRows<T, TActivation>(_x, _dz, _w, _dw, _dBias, _dx, batch, inSize, outSize, argument);
            return true;
        }
    }

    // One compiled copy per derivative, so that the per-sample loop holds no switch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardVectorRows<T, TActivation>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        bool hasInputGradient = !dx.IsEmpty;
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T dzRef = ref MemoryMarshal.GetReference(dz);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T dwRef = ref MemoryMarshal.GetReference(dw);
        ref T dbRef = ref MemoryMarshal.GetReference(dBias);
        ref T dxRef = ref MemoryMarshal.GetReference(dx);

        // The one place that picks the width: the one whose vector is the input row, where it is accelerated.
        if (Vector512.IsHardwareAccelerated && inSize == Vector512<T>.Count)
            BackwardVectorRows<T, TActivation, Vector512<T>, Width512<T>>(ref xRef, ref dzRef, ref wRef, ref dwRef, ref dbRef, ref dxRef, hasInputGradient, batch, outSize, argument);
        else if (Vector256.IsHardwareAccelerated && inSize == Vector256<T>.Count)
            BackwardVectorRows<T, TActivation, Vector256<T>, Width256<T>>(ref xRef, ref dzRef, ref wRef, ref dwRef, ref dbRef, ref dxRef, hasInputGradient, batch, outSize, argument);
        else if (Vector128.IsHardwareAccelerated && inSize == Vector128<T>.Count)
            BackwardVectorRows<T, TActivation, Vector128<T>, Width128<T>>(ref xRef, ref dzRef, ref wRef, ref dwRef, ref dbRef, ref dxRef, hasInputGradient, batch, outSize, argument);
        else
        {
            for (int o = 0; o < outSize; o++)
            {
                T b = T.Zero;
                for (int s = 0; s < batch; s++)
                    b += Unsafe.Add(ref dzRef, (nint)s * outSize + o);
                Unsafe.Add(ref dbRef, o) = b;
                for (int i = 0; i < inSize; i++)
                {
                    T sum = T.Zero;
                    for (int s = 0; s < batch; s++)
                        sum += Unsafe.Add(ref xRef, (nint)s * inSize + i) * Unsafe.Add(ref dzRef, (nint)s * outSize + o);
                    Unsafe.Add(ref dwRef, (nint)i * outSize + o) = sum;
                }
            }
            if (hasInputGradient)
                for (int s = 0; s < batch; s++)
                    for (int i = 0; i < inSize; i++)
                    {
                        T sum = Unsafe.Add(ref wRef, (nint)i * outSize) * Unsafe.Add(ref dzRef, (nint)s * outSize);
                        for (int o = 1; o < outSize; o++)
                            sum += Unsafe.Add(ref wRef, (nint)i * outSize + o) * Unsafe.Add(ref dzRef, (nint)s * outSize + o);
                        Unsafe.Add(ref dxRef, (nint)s * inSize + i) = TActivation.Backward(T.Zero, Unsafe.Add(ref xRef, (nint)s * inSize + i), sum, argument);
                    }
        }
    }

    /// <summary>The vector form of <see cref="BackwardVectorRows{T, TActivation}"/>, one input row a vector of <typeparamref name="TWidth"/>.</summary>
    /// <remarks>
    /// Kept out of line: with a copy of this body for each width inlined into one caller, the JIT ran out of
    /// inlining budget and left the vector helpers as calls, six times slower.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BackwardVectorRows<T, TActivation, TVector, TWidth>(ref T xRef, ref T dzRef, ref T wRef, ref T dwRef, ref T dbRef, ref T dxRef,
        bool hasInputGradient, int batch, int outSize, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int inSize = TWidth.Count;
        if (hasInputGradient && outSize <= 2)
        {
            BackwardVectorRowsOnePass<T, TActivation, TVector, TWidth>(ref xRef, ref dzRef, ref wRef, ref dwRef, ref dbRef, ref dxRef, batch, inSize, outSize, argument);
            return;
        }

        for (int o = 0; o < outSize; o++)
        {
            TVector a0 = TWidth.Zero, a1 = TWidth.Zero, a2 = TWidth.Zero, a3 = TWidth.Zero;
            T b0 = T.Zero, b1 = T.Zero, b2 = T.Zero, b3 = T.Zero;
            ref T d = ref Unsafe.Add(ref dzRef, o);
            int s = 0;
            for (; s + 4 <= batch; s += 4)
            {
                ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
                T d0 = Unsafe.Add(ref d, (nint)s * outSize), d1 = Unsafe.Add(ref d, (nint)(s + 1) * outSize);
                T d2 = Unsafe.Add(ref d, (nint)(s + 2) * outSize), d3 = Unsafe.Add(ref d, (nint)(s + 3) * outSize);
                a0 = TWidth.MultiplyAdd(TWidth.Load(ref row, 0), TWidth.Broadcast(d0), a0);
                a1 = TWidth.MultiplyAdd(TWidth.Load(ref row, inSize), TWidth.Broadcast(d1), a1);
                a2 = TWidth.MultiplyAdd(TWidth.Load(ref row, (2 * inSize)), TWidth.Broadcast(d2), a2);
                a3 = TWidth.MultiplyAdd(TWidth.Load(ref row, (3 * inSize)), TWidth.Broadcast(d3), a3);
                b0 += d0;
                b1 += d1;
                b2 += d2;
                b3 += d3;
            }
            for (; s < batch; s++)
            {
                T d0 = Unsafe.Add(ref d, (nint)s * outSize);
                a0 = TWidth.MultiplyAdd(TWidth.Load(ref xRef, (s * inSize)), TWidth.Broadcast(d0), a0);
                b0 += d0;
            }
            TVector column = TWidth.Add(TWidth.Add(a0, a1), TWidth.Add(a2, a3));
            for (int i = 0; i < inSize; i++)
                Unsafe.Add(ref dwRef, (nint)i * outSize + o) = TWidth.GetElement(column, i);
            Unsafe.Add(ref dbRef, o) = (b0 + b1) + (b2 + b3);
        }
        if (!hasInputGradient)
            return;

        // The first four weight columns stay in registers; the tests on outSize go the same way for every sample.
        TVector c0 = Column<T, TVector, TWidth>(ref wRef, 0, inSize, outSize);
        TVector c1 = outSize > 1 ? Column<T, TVector, TWidth>(ref wRef, 1, inSize, outSize) : TWidth.Zero;
        TVector c2 = outSize > 2 ? Column<T, TVector, TWidth>(ref wRef, 2, inSize, outSize) : TWidth.Zero;
        TVector c3 = outSize > 3 ? Column<T, TVector, TWidth>(ref wRef, 3, inSize, outSize) : TWidth.Zero;
        // The columns after them (up to LaidOutColumns of them) are laid out once: building a column lane
        // by lane for every sample took many times as long as the rest of the pass.
        const int LaidOutColumns = 16;
        Span<T> laidOut = outSize > 4 ? stackalloc T[LaidOutColumns * TWidth.Count] : default;
        ref T laidOutRef = ref MemoryMarshal.GetReference(laidOut);
        for (int o = 4; o < outSize && o - 4 < LaidOutColumns; o++)
            TWidth.Store(Column<T, TVector, TWidth>(ref wRef, o, inSize, outSize), ref laidOutRef, (o - 4) * inSize);
        for (int s = 0; s < batch; s++)
        {
            ref T d = ref Unsafe.Add(ref dzRef, (nint)s * outSize);
            // Products then sums in output order, as the scalar statements of an unrolled layer.
            TVector sum = TWidth.Multiply(c0, TWidth.Broadcast(d));
            if (outSize > 1)
                sum = TWidth.Add(sum, TWidth.Multiply(c1, TWidth.Broadcast(Unsafe.Add(ref d, 1))));
            if (outSize > 2)
                sum = TWidth.Add(sum, TWidth.Multiply(c2, TWidth.Broadcast(Unsafe.Add(ref d, 2))));
            if (outSize > 3)
                sum = TWidth.Add(sum, TWidth.Multiply(c3, TWidth.Broadcast(Unsafe.Add(ref d, 3))));
            for (int o = 4; o < outSize; o++)
            {
                TVector column = o - 4 < LaidOutColumns
                    ? TWidth.Load(ref laidOutRef, (o - 4) * inSize)
                    : Column<T, TVector, TWidth>(ref wRef, o, inSize, outSize);
                sum = TWidth.Add(sum, TWidth.Multiply(column, TWidth.Broadcast(Unsafe.Add(ref d, o))));
            }
            TVector a = TWidth.Load(ref xRef, (s * inSize));
            TWidth.Store(TWidth.Backward<TActivation>(TWidth.Zero, a, sum, TWidth.Broadcast(argument)), ref dxRef, s * inSize);
        }
    }

    /// <summary>
    /// The same sums as the two passes above, for one or two outputs, in one pass over the batch: each
    /// input row is loaded once for both gradients, and every accumulator stays in a register. The
    /// accumulators, their order and the final additions are those of the two passes, so the bits are too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardVectorRowsOnePass<T, TActivation, TVector, TWidth>(ref T xRef, ref T dzRef, ref T wRef, ref T dwRef, ref T dbRef, ref T dxRef,
        int batch, int inSize, int outSize, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        bool two = outSize == 2;
        TVector arguments = TWidth.Broadcast(argument);
        TVector c0 = Column<T, TVector, TWidth>(ref wRef, 0, inSize, outSize);
        TVector c1 = two ? Column<T, TVector, TWidth>(ref wRef, 1, inSize, outSize) : TWidth.Zero;
        // a{o}{k} and b{o}{k}: output o, samples s mod 4 = k.
        TVector a00 = TWidth.Zero, a01 = TWidth.Zero, a02 = TWidth.Zero, a03 = TWidth.Zero;
        TVector a10 = TWidth.Zero, a11 = TWidth.Zero, a12 = TWidth.Zero, a13 = TWidth.Zero;
        T b00 = T.Zero, b01 = T.Zero, b02 = T.Zero, b03 = T.Zero, b10 = T.Zero, b11 = T.Zero, b12 = T.Zero, b13 = T.Zero;
        int s = 0;
        for (; s + 4 <= batch; s += 4)
        {
            ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
            ref T d = ref Unsafe.Add(ref dzRef, (nint)s * outSize);
            TVector x0 = TWidth.Load(ref row, 0), x1 = TWidth.Load(ref row, inSize);
            TVector x2 = TWidth.Load(ref row, (2 * inSize)), x3 = TWidth.Load(ref row, (3 * inSize));
            T d00 = d, d01 = Unsafe.Add(ref d, outSize), d02 = Unsafe.Add(ref d, 2 * outSize), d03 = Unsafe.Add(ref d, 3 * outSize);
            a00 = TWidth.MultiplyAdd(x0, TWidth.Broadcast(d00), a00);
            a01 = TWidth.MultiplyAdd(x1, TWidth.Broadcast(d01), a01);
            a02 = TWidth.MultiplyAdd(x2, TWidth.Broadcast(d02), a02);
            a03 = TWidth.MultiplyAdd(x3, TWidth.Broadcast(d03), a03);
            b00 += d00;
            b01 += d01;
            b02 += d02;
            b03 += d03;
            T d10 = T.Zero, d11 = T.Zero, d12 = T.Zero, d13 = T.Zero;
            if (two)
            {
                d10 = Unsafe.Add(ref d, 1);
                d11 = Unsafe.Add(ref d, outSize + 1);
                d12 = Unsafe.Add(ref d, 2 * outSize + 1);
                d13 = Unsafe.Add(ref d, 3 * outSize + 1);
                a10 = TWidth.MultiplyAdd(x0, TWidth.Broadcast(d10), a10);
                a11 = TWidth.MultiplyAdd(x1, TWidth.Broadcast(d11), a11);
                a12 = TWidth.MultiplyAdd(x2, TWidth.Broadcast(d12), a12);
                a13 = TWidth.MultiplyAdd(x3, TWidth.Broadcast(d13), a13);
                b10 += d10;
                b11 += d11;
                b12 += d12;
                b13 += d13;
            }
            ref T dx = ref Unsafe.Add(ref dxRef, (nint)s * inSize);
            TWidth.Store(InputGradient<T, TActivation, TVector, TWidth>(x0, d00, d10, c0, c1, two, arguments), ref dx, 0);
            TWidth.Store(InputGradient<T, TActivation, TVector, TWidth>(x1, d01, d11, c0, c1, two, arguments), ref dx, inSize);
            TWidth.Store(InputGradient<T, TActivation, TVector, TWidth>(x2, d02, d12, c0, c1, two, arguments), ref dx, (2 * inSize));
            TWidth.Store(InputGradient<T, TActivation, TVector, TWidth>(x3, d03, d13, c0, c1, two, arguments), ref dx, (3 * inSize));
        }
        for (; s < batch; s++)
        {
            TVector x0 = TWidth.Load(ref xRef, (s * inSize));
            T d00 = Unsafe.Add(ref dzRef, (nint)s * outSize);
            T d10 = two ? Unsafe.Add(ref dzRef, (nint)s * outSize + 1) : T.Zero;
            a00 = TWidth.MultiplyAdd(x0, TWidth.Broadcast(d00), a00);
            b00 += d00;
            if (two)
            {
                a10 = TWidth.MultiplyAdd(x0, TWidth.Broadcast(d10), a10);
                b10 += d10;
            }
            TWidth.Store(InputGradient<T, TActivation, TVector, TWidth>(x0, d00, d10, c0, c1, two, arguments), ref dxRef, (s * inSize));
        }
        TVector column0 = TWidth.Add(TWidth.Add(a00, a01), TWidth.Add(a02, a03));
        for (int i = 0; i < inSize; i++)
            Unsafe.Add(ref dwRef, (nint)i * outSize) = TWidth.GetElement(column0, i);
        dbRef = (b00 + b01) + (b02 + b03);
        if (two)
        {
            TVector column1 = TWidth.Add(TWidth.Add(a10, a11), TWidth.Add(a12, a13));
            for (int i = 0; i < inSize; i++)
                Unsafe.Add(ref dwRef, (nint)i * outSize + 1) = TWidth.GetElement(column1, i);
            Unsafe.Add(ref dbRef, 1) = (b10 + b11) + (b12 + b13);
        }
    }

    /// <summary>One sample's input gradient, <c>f′(x)·(w₀·d₀ + w₁·d₁)</c>, products then sum as in the two-pass form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector InputGradient<T, TActivation, TVector, TWidth>(TVector x, T d0, T d1, TVector c0, TVector c1, bool two, TVector argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        TVector sum = TWidth.Multiply(c0, TWidth.Broadcast(d0));
        if (two)
            sum = TWidth.Add(sum, TWidth.Multiply(c1, TWidth.Broadcast(d1)));
        return TWidth.Backward<TActivation>(TWidth.Zero, x, sum, argument);
    }
}
