using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Activations
{
    // The element-wise passes over a batch: widest vectors first (Vector512 where it is accelerated,
    // then Vector256 and Vector128 on what is left), then scalars, each through the activation's form
    // at that width, so every lane computes what the scalar form computes.

    /// <summary><c>destination = f(source)</c>; the two may be the same span (in place), never a shifted overlap.</summary>
    private readonly ref struct ForwardCall<T>(ReadOnlySpan<T> source, Span<T> destination, T argument) : IActivationCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _source = source;
        private readonly Span<T> _destination = destination;

        public bool Run<TActivation>() where TActivation : IActivation<T>
        {
            Forward<T, TActivation>(ref MemoryMarshal.GetReference(_source), ref MemoryMarshal.GetReference(_destination), _destination.Length, argument);
            return true;
        }
    }

    /// <summary><c>y = f(x)</c> over <paramref name="length"/> values; <paramref name="x"/> and <paramref name="y"/> may be the same (in place).</summary>
    internal static void Forward<T, TActivation>(ref T x, ref T y, nint length, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        nint k = 0;
        if (Vector512.IsHardwareAccelerated && length - k >= Vector512<T>.Count)
            k = ForwardRun<T, Vector512<T>, Width512<T>, TActivation>(ref x, ref y, k, length, argument);
        if (Vector256.IsHardwareAccelerated && length - k >= Vector256<T>.Count)
            k = ForwardRun<T, Vector256<T>, Width256<T>, TActivation>(ref x, ref y, k, length, argument);
        if (Vector128.IsHardwareAccelerated && length - k >= Vector128<T>.Count)
            k = ForwardRun<T, Vector128<T>, Width128<T>, TActivation>(ref x, ref y, k, length, argument);
        for (; k < length; k++)
            Unsafe.Add(ref y, k) = TActivation.Forward(Unsafe.Add(ref x, k), argument);
    }

    /// <summary><c>d = d·f′</c> from the outputs alone, or, where <c>preActivations</c> is not empty, from both.</summary>
    private readonly ref struct BackwardCall<T>(ReadOnlySpan<T> preActivations, ReadOnlySpan<T> outputs, Span<T> d, T argument) : IActivationCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _preActivations = preActivations;
        private readonly ReadOnlySpan<T> _outputs = outputs;
        private readonly Span<T> _d = d;

        public bool Run<TActivation>() where TActivation : IActivation<T>
        {
            // A derivative from the output alone ignores x, so the outputs stand in for pre-activations not kept.
            if (_preActivations.IsEmpty && TActivation.DerivativeSource != DerivativeSource.Output)
                ThrowNeedsPreActivation(typeof(TActivation));
            ref T y = ref MemoryMarshal.GetReference(_outputs);
            ref T d = ref MemoryMarshal.GetReference(_d);
            ref T x = ref _preActivations.IsEmpty ? ref y : ref MemoryMarshal.GetReference(_preActivations);
            nint length = _d.Length, k = 0;
            if (Vector512.IsHardwareAccelerated && length - k >= Vector512<T>.Count)
                k = BackwardRun<T, Vector512<T>, Width512<T>, TActivation>(ref x, ref y, ref d, k, length, argument);
            if (Vector256.IsHardwareAccelerated && length - k >= Vector256<T>.Count)
                k = BackwardRun<T, Vector256<T>, Width256<T>, TActivation>(ref x, ref y, ref d, k, length, argument);
            if (Vector128.IsHardwareAccelerated && length - k >= Vector128<T>.Count)
                k = BackwardRun<T, Vector128<T>, Width128<T>, TActivation>(ref x, ref y, ref d, k, length, argument);
            for (; k < length; k++)
                Unsafe.Add(ref d, k) = TActivation.Backward(Unsafe.Add(ref x, k), Unsafe.Add(ref y, k), Unsafe.Add(ref d, k), argument);
            return true;
        }
    }

    // Each width out of line, so that each loop is compiled with the JIT's whole inlining budget for
    // the activation (with all three in one method the JIT gave up part way and left calls in loops).

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint ForwardRun<T, TVector, TWidth, TActivation>(ref T x, ref T y, nint k, nint length, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        TVector a = TWidth.Broadcast(argument);
        for (; k + TWidth.Count <= length; k += TWidth.Count)
            TWidth.Store(TWidth.Forward<TActivation>(TWidth.Load(ref x, k), a), ref y, k);
        return k;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint BackwardRun<T, TVector, TWidth, TActivation>(ref T x, ref T y, ref T d, nint k, nint length, T argument)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
        where TActivation : IActivation<T>
    {
        TVector a = TWidth.Broadcast(argument);
        for (; k + TWidth.Count <= length; k += TWidth.Count)
            TWidth.Store(TWidth.Backward<TActivation>(TWidth.Load(ref x, k), TWidth.Load(ref y, k), TWidth.Load(ref d, k), a), ref d, k);
        return k;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowNeedsPreActivation(Type activation) =>
        throw new ArgumentException($"{activation.Name}'s derivative reads the pre-activation, which this pass does not have.");
}
