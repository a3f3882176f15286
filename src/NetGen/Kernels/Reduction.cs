using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.Kernels;

/// <summary>Combines per-chunk results in a fixed order, so that the total does not depend on which thread ran which chunk.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Reduction
{
    /// <summary>
    /// <c>destination[i] = ((parts[0][i] + parts[1][i]) + parts[2][i]) + …</c> over the first
    /// <paramref name="count"/> parts, for i in [start, start + length): element by element, so that any
    /// split of the range gives the same sums.
    /// </summary>
    public static void Sum<T>(T[][] parts, int count, Span<T> destination, int start, int length) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (count < 1 || count > parts.Length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected 1 to {parts.Length} parts.");
        Span<T> target = destination.Slice(start, length);
        if (count == 1)
        {
            parts[0].AsSpan(start, length).CopyTo(target);
            return;
        }
        // The first two parts in the same pass as the copy: a gradient is too large for the cache, so
        // each pass over it costs its memory traffic, not its additions.
        TensorPrimitives.Add(parts[0].AsSpan(start, length), parts[1].AsSpan(start, length), target);
        for (int k = 2; k < count; k++)
            TensorPrimitives.Add(target, parts[k].AsSpan(start, length), target);
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
