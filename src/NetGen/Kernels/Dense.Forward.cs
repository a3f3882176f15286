using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Matrix kernels of a dense layer. Weights are input-major, <c>w[i, o]</c> at <c>i·outSize + o</c>,
/// so that the forward product and the weight gradient run along contiguous output rows.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Dense
{
    /// <summary><c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c> for every sample s of the batch.</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckLayer(x, w, bias, z, batch, inSize, outSize);
        // Z = X·W + b: A is X, read along its rows.
        MatrixProduct.Multiply(ref MemoryMarshal.GetReference(x), inSize, 1, ref MemoryMarshal.GetReference(w),
            ref MemoryMarshal.GetReference(z), ref MemoryMarshal.GetReference(bias), hasInit: true, batch, outSize, inSize);
    }

    /// <summary>
    /// The spans of a forward product over a batch: <paramref name="batch"/> rows of <paramref name="inSize"/> in,
    /// [inSize, outSize] weights, outSize biases, batch rows of outSize out; an <see cref="ArgumentException"/> naming
    /// the first that is not so.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckLayer<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, ReadOnlySpan<T> z,
        int batch, int inSize, int outSize)
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(bias, outSize, nameof(bias));
        Checks.Length(z, batch * outSize, nameof(z));
    }
}
