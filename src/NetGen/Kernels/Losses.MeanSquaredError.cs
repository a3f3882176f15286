using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>Loss kernels: each returns the batch's mean loss and writes its gradient.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Losses
{
    /// <summary>
    /// Returns <c>Σ (y − t)² / n</c> over all n values and writes <c>gradient = 2(y − t) / n</c>,
    /// the gradient at the network's output y.
    /// </summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> targets, Span<T> gradient)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => MeanSquaredError(output, targets, gradient, output.Length);

    /// <summary>
    /// The part of a larger batch's mean squared error that these values contribute: returns
    /// <c>Σ (y − t)² / meanOver</c> and writes <c>gradient = 2(y − t) / meanOver</c>.
    /// </summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> targets, Span<T> gradient, int meanOver)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = output.Length;
        Checks.Length(targets, n, nameof(targets));
        Checks.Length(gradient, n, nameof(gradient));
        T scale = T.CreateChecked(2) / T.CreateChecked(meanOver);
        var call = new MeanSquaredErrorCall<T>(output, targets, gradient, scale);
        T total = PreferredWidth.Run<T, MeanSquaredErrorCall<T>, T>(ref call);
        return total / T.CreateChecked(meanOver);
    }

    /// <summary>Σ (y − t)², writing (y − t)·scale, at <see cref="PreferredWidth"/>: a vector of squares summed along the run, its lanes added, then the values past the last whole vector.</summary>
    private readonly ref struct MeanSquaredErrorCall<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> targets, Span<T> gradient, T scale)
        : IWidthCall<T, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _output = output, _targets = targets;
        private readonly Span<T> _gradient = gradient;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Run<TVector, TWidth>()
            where TVector : struct
            where TWidth : IVectorWidth<T, TVector>
        {
            ref T y = ref MemoryMarshal.GetReference(_output);
            ref T t = ref MemoryMarshal.GetReference(_targets);
            ref T g = ref MemoryMarshal.GetReference(_gradient);
            int n = _output.Length, width = TWidth.Count, k = 0;
            TVector scaleVector = TWidth.Broadcast(scale);
            TVector sum = TWidth.Zero;
            for (; k <= n - width; k += width)
            {
                TVector e = TWidth.Subtract(TWidth.Load(ref y, k), TWidth.Load(ref t, k));
                sum = TWidth.Add(sum, TWidth.Multiply(e, e));
                TWidth.Store(TWidth.Multiply(e, scaleVector), ref g, k);
            }
            T total = TWidth.Sum(sum);
            for (; k < n; k++)
            {
                T e = Unsafe.Add(ref y, k) - Unsafe.Add(ref t, k);
                total += e * e;
                Unsafe.Add(ref g, k) = e * scale;
            }
            return total;
        }
    }
}
