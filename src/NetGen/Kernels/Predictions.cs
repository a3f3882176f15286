using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>Turns one sample's outputs into a class.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Predictions
{
    /// <summary>
    /// The index of the largest output (the first, on a tie); for a single output, 1 when it is above
    /// <paramref name="threshold"/>, else 0: the perceptron's step function. An output that is NaN, which
    /// no class can be read from, throws an <see cref="ArgumentException"/> instead of naming a class.
    /// </summary>
    public static int Decide<T>(ReadOnlySpan<T> output, T threshold) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (output.IsEmpty)
            throw new ArgumentException("'output' holds no values: expected at least 1.", nameof(output));
        // IndexOfMax returns the first NaN when there is one, so one look at the winner finds any.
        int index = output.Length == 1 ? 0 : TensorPrimitives.IndexOfMax(output);
        if (T.IsNaN(output[index]))
            ThrowNaN();
        return output.Length == 1 ? (output[0] > threshold ? 1 : 0) : index;
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNaN() =>
        throw new ArgumentException("The network's output is NaN, so it names no class: the input holds a NaN or infinite value, "
            + "or values too large to compute with.", "input");
}
