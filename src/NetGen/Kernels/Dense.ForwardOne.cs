using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// Room one sample's layer needs past its last value: one 512-bit vector (16 floats, 8 doubles).
    /// <see cref="ForwardOne{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, int, int, Span{T}, int, int, Activation)"/> reads and writes whole vectors, so the parameters must extend this
    /// far past a layer's weights and bias, and its output buffer this far past its last output.
    /// </summary>
    public static int SamplePadding<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Vector512<T>.Count;

    /// <summary>
    /// One sample through a dense layer held in registers:
    /// <c>z[o] = f(bias[o] + Σᵢ x[i]·w[i, o])</c> for o &lt; outSize, with the activation f fused
    /// (Softmax over the whole row).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each vector of outputs is an accumulator that stays in a register for the whole sum over the
    /// inputs: sixteen or eight vectors at a time for wide layers (each weight row then read in one
    /// sweep), the rest two or one at a time in four or eight partial sums each, with the activation
    /// applied in the register before the store. A vector may run past the layer's last output: the
    /// extra lanes read what follows in memory (the next weight row, the bias, the padding), are
    /// written to the padding of <paramref name="z"/> and never reach a real output, because the next
    /// layer reads only the first <paramref name="outSize"/> values and Softmax masks them out.
    /// </para>
    /// <para>
    /// The multiply-adds are fused and summed in a different order from the batch kernels, so a result
    /// may differ from the same sample's in a batch in its last bits.
    /// </para>
    /// </remarks>
    /// <param name="x">The sample: at least <paramref name="inSize"/> values.</param>
    /// <param name="parameters">Holds the weights <c>w[i, o]</c> at <c>weights + i·outSize + o</c> and the bias at <paramref name="bias"/>, with <see cref="SamplePadding{T}"/> values to spare past each.</param>
    /// <param name="weights">Offset of <c>w[0, 0]</c>.</param>
    /// <param name="bias">Offset of <c>bias[0]</c>.</param>
    /// <param name="z">The outputs, then padding: at least <paramref name="outSize"/> rounded up to a multiple of <see cref="SamplePadding{T}"/>.</param>
    /// <param name="inSize">Inputs of the layer.</param>
    /// <param name="outSize">Outputs of the layer.</param>
    /// <param name="activation">The activation f.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardOne<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> parameters, int weights, int bias, Span<T> z,
        int inSize, int outSize, Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => ForwardOne(x, parameters, weights, bias, z, inSize, outSize, activation, ActivationDispatch.DefaultArgument<T>(activation));

    /// <summary>The same, with the activation's <c>argument</c> (LeakyReLU's negative slope) instead of its default.</summary>
    /// <inheritdoc cref="ForwardOne{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, int, int, Span{T}, int, int, Activation)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardOne<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> parameters, int weights, int bias, Span<T> z,
        int inSize, int outSize, Activation activation, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int padding = SamplePadding<T>();
        Checks.AtLeast(x, inSize, nameof(x));
        Checks.AtLeast(parameters, Math.Max(weights + inSize * outSize, bias + outSize) + padding, nameof(parameters));
        Checks.AtLeast<T>(z, (outSize + padding - 1) / padding * padding, nameof(z));
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T w = ref Unsafe.Add(ref MemoryMarshal.GetReference(parameters), weights);
        ref T b = ref Unsafe.Add(ref MemoryMarshal.GetReference(parameters), bias);
        ref T zRef = ref MemoryMarshal.GetReference(z);
        if (activation == Activation.Softmax)
        {
            ForwardOne<T, IdentityActivation<T>>(ref xRef, ref w, ref b, ref zRef, inSize, outSize, softmax: true, argument);
            return;
        }
        var call = new ForwardOneCall<T>(ref xRef, ref w, ref b, ref zRef, inSize, outSize, argument);
        ActivationDispatch.Run<T, ForwardOneCall<T>, bool>(activation, ref call);
    }

    private readonly ref struct ForwardOneCall<T> : IActivationCall<T, bool> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ref T _x, _w, _b, _z;
        private readonly int _inSize, _outSize;
        private readonly T _argument;

        public ForwardOneCall(ref T x, ref T w, ref T b, ref T z, int inSize, int outSize, T argument)
        {
            _x = ref x;
            _w = ref w;
            _b = ref b;
            _z = ref z;
            (_inSize, _outSize, _argument) = (inSize, outSize, argument);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Run<TActivation>() where TActivation : IActivation<T>
        {
            ForwardOne<T, TActivation>(ref _x, ref _w, ref _b, ref _z, _inSize, _outSize, softmax: false, _argument);
            return true;
        }
    }

    /// <summary>
    /// The width, in bits, of the vectors a layer of <paramref name="outSize"/> outputs runs in for one sample
    /// where every width is accelerated: the widest whose vector the layer fills beyond half, so that it takes
    /// as few vectors as it can without running most of a vector past its end. The generator's planner gives
    /// its one-sample register paths the same widths; a test holds the two together.
    /// </summary>
    public static int OneSampleBits<T>(int outSize) =>
        outSize > Vector256<T>.Count ? 512 : outSize > Vector128<T>.Count ? 256 : 128;

    /// <summary>Picks the width: <see cref="OneSampleBits{T}"/>, or the widest accelerated one below it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardOne<T, TActivation>(ref T x, ref T w, ref T b, ref T z, int inSize, int outSize, bool softmax, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        int bits = OneSampleBits<T>(outSize);
        if (Vector512.IsHardwareAccelerated && bits == 512)
            ForwardOne<T, Vector512<T>, Width512<T>, TActivation>(ref x, ref w, ref b, ref z, inSize, outSize, softmax, argument);
        else if (Vector256.IsHardwareAccelerated && bits >= 256)
            ForwardOne<T, Vector256<T>, Width256<T>, TActivation>(ref x, ref w, ref b, ref z, inSize, outSize, softmax, argument);
        else if (Vector128.IsHardwareAccelerated)
            ForwardOne<T, Vector128<T>, Width128<T>, TActivation>(ref x, ref w, ref b, ref z, inSize, outSize, softmax, argument);
        else
            ForwardOneScalar<T, TActivation>(ref x, ref w, ref b, ref z, inSize, outSize, softmax, argument);
    }

    // Out of line, so that each layer's kernel is compiled with the JIT's whole inlining budget for
    // its sums and its activation; inlined into the generated code, which inlines one of these per
    // layer, the JIT ran out of budget and left calls in the loops.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForwardOne<T, TVector, TWidth, TActivation>(ref T x, ref T w, ref T b, ref T z, int inSize, int outSize, bool softmax, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        TVector a = TWidth.Broadcast(argument);
        // Wide layers first run sixteen output vectors at a time, then eight, so that the weight
        // rows stream through in long sequential sweeps, and apply the activation in a pass of its own.
        nint j = 0, blocked = outSize / (8 * TWidth.Count) * (8 * TWidth.Count);
        for (; j + 16 * TWidth.Count <= blocked; j += 16 * TWidth.Count)
            MatrixProduct.Block1x16<T, TVector, TWidth>(ref x, ref Unsafe.Add(ref w, j), ref Unsafe.Add(ref z, j), ref b, (int)j, outSize, inSize);
        for (; j < blocked; j += 8 * TWidth.Count)
            MatrixProduct.Block1x8<T, TVector, TWidth>(ref x, 1, ref Unsafe.Add(ref w, j), ref Unsafe.Add(ref z, j), ref b, hasInit: true, (int)j, outSize, inSize);
        if (typeof(TActivation) != typeof(IdentityActivation<T>))
        {
            for (nint k = 0; k < blocked; k += TWidth.Count)
                TWidth.Store(TWidth.Forward<TActivation>(TWidth.Load(ref z, k), a), ref z, k);
        }
        // The rest one vector at a time with the activation applied in the register: for small
        // layers a vector stored and loaded back for a separate pass costs more than the pass.
        // Two vectors at once where there are two, so that the second's sums and activation start
        // with the first's instead of after it: a layer of one sample is a chain of latencies.
        if (!softmax)
        {
            for (; j + 2 * TWidth.Count <= outSize; j += 2 * TWidth.Count)
            {
                TVector sum0 = MatrixProduct.Column<T, TVector, TWidth>(ref x, 1, ref Unsafe.Add(ref w, j), TWidth.Load(ref b, j), outSize, inSize);
                TVector sum1 = MatrixProduct.Column<T, TVector, TWidth>(ref x, 1, ref Unsafe.Add(ref w, j + TWidth.Count), TWidth.Load(ref b, j + TWidth.Count), outSize, inSize);
                TWidth.Store(TWidth.Forward<TActivation>(sum0, a), ref z, j);
                TWidth.Store(TWidth.Forward<TActivation>(sum1, a), ref z, j + TWidth.Count);
            }
        }
        for (; j < outSize; j += TWidth.Count)
        {
            TVector sum = TWidth.Forward<TActivation>(MatrixProduct.Column<T, TVector, TWidth>(ref x, 1, ref Unsafe.Add(ref w, j), TWidth.Load(ref b, j), outSize, inSize), a);
            TWidth.Store(sum, ref z, j);
            if (softmax && outSize <= TWidth.Count)
                TWidth.Store(Activations.SoftmaxOne<T, TVector, TWidth>(sum, ref z, outSize), ref z, 0);
        }
        if (softmax && outSize > TWidth.Count)
            Activations.Softmax(MemoryMarshal.CreateSpan(ref z, outSize), 1, outSize);
    }

    /// <summary>Without SIMD: each output in turn, in plain scalar code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForwardOneScalar<T, TActivation>(ref T x, ref T w, ref T b, ref T z, int inSize, int outSize, bool softmax, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        for (int o = 0; o < outSize; o++)
        {
            T sum = Unsafe.Add(ref b, o);
            for (int i = 0; i < inSize; i++)
                sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref w, (nint)i * outSize + o);
            Unsafe.Add(ref z, o) = TActivation.Forward(sum, argument);
        }
        if (softmax)
            Activations.Softmax(MemoryMarshal.CreateSpan(ref z, outSize), 1, outSize);
    }
}
