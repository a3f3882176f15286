using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The backward pass of a small layer whose input row fills one <see cref="Vector256{T}"/> (8 floats
    /// or 4 doubles): <c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c> and <c>dBias[o] = Σₛ dz[s, o]</c>, overwritten,
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

        if (!Vector256.IsHardwareAccelerated || inSize != Vector256<T>.Count)
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
            if (!hasInputGradient)
                return;
            for (int s = 0; s < batch; s++)
                for (int i = 0; i < inSize; i++)
                {
                    T sum = Unsafe.Add(ref wRef, (nint)i * outSize) * Unsafe.Add(ref dzRef, (nint)s * outSize);
                    for (int o = 1; o < outSize; o++)
                        sum += Unsafe.Add(ref wRef, (nint)i * outSize + o) * Unsafe.Add(ref dzRef, (nint)s * outSize + o);
                    Unsafe.Add(ref dxRef, (nint)s * inSize + i) = TActivation.Backward(T.Zero, Unsafe.Add(ref xRef, (nint)s * inSize + i), sum, argument);
                }
            return;
        }

        if (hasInputGradient && outSize <= 2)
        {
            BackwardVectorRowsOnePass<T, TActivation>(ref xRef, ref dzRef, ref wRef, ref dwRef, ref dbRef, ref dxRef, batch, inSize, outSize, argument);
            return;
        }

        for (int o = 0; o < outSize; o++)
        {
            Vector256<T> a0 = Vector256<T>.Zero, a1 = Vector256<T>.Zero, a2 = Vector256<T>.Zero, a3 = Vector256<T>.Zero;
            T b0 = T.Zero, b1 = T.Zero, b2 = T.Zero, b3 = T.Zero;
            ref T d = ref Unsafe.Add(ref dzRef, o);
            int s = 0;
            for (; s + 4 <= batch; s += 4)
            {
                ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
                T d0 = Unsafe.Add(ref d, (nint)s * outSize), d1 = Unsafe.Add(ref d, (nint)(s + 1) * outSize);
                T d2 = Unsafe.Add(ref d, (nint)(s + 2) * outSize), d3 = Unsafe.Add(ref d, (nint)(s + 3) * outSize);
                a0 = Width256<T>.MultiplyAdd(Vector256.LoadUnsafe(ref row), Vector256.Create(d0), a0);
                a1 = Width256<T>.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)inSize), Vector256.Create(d1), a1);
                a2 = Width256<T>.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)(2 * inSize)), Vector256.Create(d2), a2);
                a3 = Width256<T>.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)(3 * inSize)), Vector256.Create(d3), a3);
                b0 += d0;
                b1 += d1;
                b2 += d2;
                b3 += d3;
            }
            for (; s < batch; s++)
            {
                T d0 = Unsafe.Add(ref d, (nint)s * outSize);
                a0 = Width256<T>.MultiplyAdd(Vector256.LoadUnsafe(ref xRef, (nuint)(s * inSize)), Vector256.Create(d0), a0);
                b0 += d0;
            }
            Vector256<T> column = (a0 + a1) + (a2 + a3);
            for (int i = 0; i < inSize; i++)
                Unsafe.Add(ref dwRef, (nint)i * outSize + o) = column.GetElement(i);
            Unsafe.Add(ref dbRef, o) = (b0 + b1) + (b2 + b3);
        }
        if (!hasInputGradient)
            return;

        // The first four weight columns stay in registers; the tests on outSize go the same way for every sample.
        Vector256<T> c0 = Column(ref wRef, 0, inSize, outSize);
        Vector256<T> c1 = outSize > 1 ? Column(ref wRef, 1, inSize, outSize) : Vector256<T>.Zero;
        Vector256<T> c2 = outSize > 2 ? Column(ref wRef, 2, inSize, outSize) : Vector256<T>.Zero;
        Vector256<T> c3 = outSize > 3 ? Column(ref wRef, 3, inSize, outSize) : Vector256<T>.Zero;
        for (int s = 0; s < batch; s++)
        {
            ref T d = ref Unsafe.Add(ref dzRef, (nint)s * outSize);
            // Products then sums in output order, as the scalar statements of an unrolled layer.
            Vector256<T> sum = c0 * Vector256.Create(d);
            if (outSize > 1)
                sum += c1 * Vector256.Create(Unsafe.Add(ref d, 1));
            if (outSize > 2)
                sum += c2 * Vector256.Create(Unsafe.Add(ref d, 2));
            if (outSize > 3)
                sum += c3 * Vector256.Create(Unsafe.Add(ref d, 3));
            for (int o = 4; o < outSize; o++)
                sum += Column(ref wRef, o, inSize, outSize) * Vector256.Create(Unsafe.Add(ref d, o));
            Vector256<T> a = Vector256.LoadUnsafe(ref xRef, (nuint)(s * inSize));
            TActivation.Backward(Vector256<T>.Zero, a, sum, Vector256.Create(argument)).StoreUnsafe(ref dxRef, (nuint)(s * inSize));
        }
    }

    /// <summary>
    /// The same sums as the two passes above, for one or two outputs, in one pass over the batch: each
    /// input row is loaded once for both gradients, and every accumulator stays in a register. The
    /// accumulators, their order and the final additions are those of the two passes, so the bits are too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardVectorRowsOnePass<T, TActivation>(ref T xRef, ref T dzRef, ref T wRef, ref T dwRef, ref T dbRef, ref T dxRef,
        int batch, int inSize, int outSize, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        bool two = outSize == 2;
        Vector256<T> arguments = Vector256.Create(argument);
        Vector256<T> c0 = Column(ref wRef, 0, inSize, outSize);
        Vector256<T> c1 = two ? Column(ref wRef, 1, inSize, outSize) : Vector256<T>.Zero;
        // a{o}{k} and b{o}{k}: output o, samples s mod 4 = k.
        Vector256<T> a00 = Vector256<T>.Zero, a01 = Vector256<T>.Zero, a02 = Vector256<T>.Zero, a03 = Vector256<T>.Zero;
        Vector256<T> a10 = Vector256<T>.Zero, a11 = Vector256<T>.Zero, a12 = Vector256<T>.Zero, a13 = Vector256<T>.Zero;
        T b00 = T.Zero, b01 = T.Zero, b02 = T.Zero, b03 = T.Zero, b10 = T.Zero, b11 = T.Zero, b12 = T.Zero, b13 = T.Zero;
        int s = 0;
        for (; s + 4 <= batch; s += 4)
        {
            ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
            ref T d = ref Unsafe.Add(ref dzRef, (nint)s * outSize);
            Vector256<T> x0 = Vector256.LoadUnsafe(ref row), x1 = Vector256.LoadUnsafe(ref row, (nuint)inSize);
            Vector256<T> x2 = Vector256.LoadUnsafe(ref row, (nuint)(2 * inSize)), x3 = Vector256.LoadUnsafe(ref row, (nuint)(3 * inSize));
            T d00 = d, d01 = Unsafe.Add(ref d, outSize), d02 = Unsafe.Add(ref d, 2 * outSize), d03 = Unsafe.Add(ref d, 3 * outSize);
            a00 = Width256<T>.MultiplyAdd(x0, Vector256.Create(d00), a00);
            a01 = Width256<T>.MultiplyAdd(x1, Vector256.Create(d01), a01);
            a02 = Width256<T>.MultiplyAdd(x2, Vector256.Create(d02), a02);
            a03 = Width256<T>.MultiplyAdd(x3, Vector256.Create(d03), a03);
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
                a10 = Width256<T>.MultiplyAdd(x0, Vector256.Create(d10), a10);
                a11 = Width256<T>.MultiplyAdd(x1, Vector256.Create(d11), a11);
                a12 = Width256<T>.MultiplyAdd(x2, Vector256.Create(d12), a12);
                a13 = Width256<T>.MultiplyAdd(x3, Vector256.Create(d13), a13);
                b10 += d10;
                b11 += d11;
                b12 += d12;
                b13 += d13;
            }
            ref T dx = ref Unsafe.Add(ref dxRef, (nint)s * inSize);
            InputGradient<T, TActivation>(x0, d00, d10, c0, c1, two, arguments).StoreUnsafe(ref dx);
            InputGradient<T, TActivation>(x1, d01, d11, c0, c1, two, arguments).StoreUnsafe(ref dx, (nuint)inSize);
            InputGradient<T, TActivation>(x2, d02, d12, c0, c1, two, arguments).StoreUnsafe(ref dx, (nuint)(2 * inSize));
            InputGradient<T, TActivation>(x3, d03, d13, c0, c1, two, arguments).StoreUnsafe(ref dx, (nuint)(3 * inSize));
        }
        for (; s < batch; s++)
        {
            Vector256<T> x0 = Vector256.LoadUnsafe(ref xRef, (nuint)(s * inSize));
            T d00 = Unsafe.Add(ref dzRef, (nint)s * outSize);
            T d10 = two ? Unsafe.Add(ref dzRef, (nint)s * outSize + 1) : T.Zero;
            a00 = Width256<T>.MultiplyAdd(x0, Vector256.Create(d00), a00);
            b00 += d00;
            if (two)
            {
                a10 = Width256<T>.MultiplyAdd(x0, Vector256.Create(d10), a10);
                b10 += d10;
            }
            InputGradient<T, TActivation>(x0, d00, d10, c0, c1, two, arguments).StoreUnsafe(ref dxRef, (nuint)(s * inSize));
        }
        Vector256<T> column0 = (a00 + a01) + (a02 + a03);
        for (int i = 0; i < inSize; i++)
            Unsafe.Add(ref dwRef, (nint)i * outSize) = column0.GetElement(i);
        dbRef = (b00 + b01) + (b02 + b03);
        if (two)
        {
            Vector256<T> column1 = (a10 + a11) + (a12 + a13);
            for (int i = 0; i < inSize; i++)
                Unsafe.Add(ref dwRef, (nint)i * outSize + 1) = column1.GetElement(i);
            Unsafe.Add(ref dbRef, 1) = (b10 + b11) + (b12 + b13);
        }
    }

    /// <summary>One sample's input gradient, <c>f′(x)·(w₀·d₀ + w₁·d₁)</c>, products then sum as in the two-pass form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> InputGradient<T, TActivation>(Vector256<T> x, T d0, T d1, Vector256<T> c0, Vector256<T> c1, bool two, Vector256<T> argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        Vector256<T> sum = c0 * Vector256.Create(d0);
        if (two)
            sum += c1 * Vector256.Create(d1);
        return TActivation.Backward(Vector256<T>.Zero, x, sum, argument);
    }
}
