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
        ref T y = ref MemoryMarshal.GetReference(output);
        ref T t = ref MemoryMarshal.GetReference(targets);
        ref T g = ref MemoryMarshal.GetReference(gradient);
        T scale = T.CreateChecked(2) / T.CreateChecked(meanOver);
        var scaleVector = new Vector<T>(scale);
        Vector<T> sum = Vector<T>.Zero;
        int width = Vector<T>.Count, k = 0;
        for (; k <= n - width; k += width)
        {
            Vector<T> e = Vector.LoadUnsafe(ref y, (nuint)k) - Vector.LoadUnsafe(ref t, (nuint)k);
            sum += e * e;
            (e * scaleVector).StoreUnsafe(ref g, (nuint)k);
        }
        T total = Vector.Sum(sum);
        for (; k < n; k++)
        {
            T e = Unsafe.Add(ref y, k) - Unsafe.Add(ref t, k);
            total += e * e;
            Unsafe.Add(ref g, k) = e * scale;
        }
        return total / T.CreateChecked(meanOver);
    }
}
