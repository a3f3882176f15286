using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>Turns one sample's outputs into a class.</summary>
public static class Predictions
{
    /// <summary>
    /// The index of the largest output (the first, on a tie); for a single output, 1 when it is above
    /// <paramref name="threshold"/>, else 0: the perceptron's step function.
    /// </summary>
    public static int Decide<T>(ReadOnlySpan<T> output, T threshold) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (output.IsEmpty)
            throw new ArgumentException("'output' holds no values: expected at least 1.", nameof(output));
        return output.Length == 1 ? (output[0] > threshold ? 1 : 0) : TensorPrimitives.IndexOfMax(output);
    }
}
