using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Values a fixed stride apart in memory, to and from the lanes of one vector: a weight column read along a
/// row, a gradient column written back once a batch. Once a batch, not once a sample, so a loop does.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Strided
{
    /// <summary>Lane i is <c>source[offset + i·stride]</c> for i &lt; <paramref name="count"/>, and 0 past it.</summary>
    public static Vector128<T> Gather<T>(ref T source, int offset, int stride, int count)
    {
        Vector128<T> value = Vector128<T>.Zero;
        for (int i = 0; i < count; i++)
            value = value.WithElement(i, Unsafe.Add(ref source, offset + i * stride));
        return value;
    }

    /// <summary><c>destination[offset + i·stride]</c> = lane i, for i &lt; <paramref name="count"/>.</summary>
    public static void Scatter<T>(Vector128<T> value, ref T destination, int offset, int stride, int count)
    {
        for (int i = 0; i < count; i++)
            Unsafe.Add(ref destination, offset + i * stride) = value.GetElement(i);
    }
}
