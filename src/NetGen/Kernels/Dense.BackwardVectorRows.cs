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
    /// <paramref name="inputActivation"/> is Identity, Sigmoid, Tanh, ReLU or LeakyReLU; Softmax, whose
    /// derivative mixes a row, is not applied here.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void BackwardVectorRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize, Activation inputActivation)
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
            throw new ArgumentException("Softmax's derivative is not element-wise: expected Identity, Sigmoid, Tanh, ReLU or LeakyReLU.", nameof(inputActivation));
        switch (inputActivation)
        {
            case Activation.Sigmoid:
                BackwardVectorRows<T, Activations.SigmoidDerivative<T>>(x, dz, w, dw, dBias, dx, batch, inSize, outSize);
                break;
            case Activation.Tanh:
                BackwardVectorRows<T, Activations.TanhDerivative<T>>(x, dz, w, dw, dBias, dx, batch, inSize, outSize);
                break;
            case Activation.ReLU:
                BackwardVectorRows<T, Activations.ReLUDerivative<T>>(x, dz, w, dw, dBias, dx, batch, inSize, outSize);
                break;
            case Activation.LeakyReLU:
                BackwardVectorRows<T, Activations.LeakyReLUDerivative<T>>(x, dz, w, dw, dBias, dx, batch, inSize, outSize);
                break;
            default:
                BackwardVectorRows<T, Activations.IdentityDerivative<T>>(x, dz, w, dw, dBias, dx, batch, inSize, outSize);
                break;
        }
    }

    // One compiled copy per derivative, so that the per-sample loop holds no switch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardVectorRows<T, TDerivative>(ReadOnlySpan<T> x, ReadOnlySpan<T> dz, ReadOnlySpan<T> w,
        Span<T> dw, Span<T> dBias, Span<T> dx, int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TDerivative : IDerivativeOperator<T>
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
                    Unsafe.Add(ref dxRef, (nint)s * inSize + i) = TDerivative.Invoke(Unsafe.Add(ref xRef, (nint)s * inSize + i), sum);
                }
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
            TDerivative.Invoke(a, sum).StoreUnsafe(ref dxRef, (nuint)(s * inSize));
        }
    }
}
