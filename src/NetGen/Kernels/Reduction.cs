using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>Combines per-chunk results in a fixed order, so that the total does not depend on which thread ran which chunk.</summary>
public static class Reduction
{
    /// <summary><c>destination = ((parts[0] + parts[1]) + parts[2]) + …</c> over the first <paramref name="count"/> parts.</summary>
    public static void Sum<T>(T[][] parts, int count, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (count < 1 || count > parts.Length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected 1 to {parts.Length} parts.");
        parts[0].AsSpan(0, destination.Length).CopyTo(destination);
        for (int k = 1; k < count; k++)
            TensorPrimitives.Add(destination, parts[k].AsSpan(0, destination.Length), destination);
    }

    /// <summary><c>((values[0] + values[1]) + values[2]) + …</c> over the first <paramref name="count"/> values.</summary>
    public static T Sum<T>(ReadOnlySpan<T> values, int count) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T total = T.Zero;
        for (int k = 0; k < count; k++)
            total += values[k];
        return total;
    }
}
