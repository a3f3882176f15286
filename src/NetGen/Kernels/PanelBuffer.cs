using System;

namespace NetGen.Kernels;

/// <summary>
/// Each thread's buffer for <see cref="MatrixProduct"/>'s copies of B's panels: allocated on a thread's first wide
/// product, and again only when a deeper one needs more, so that products allocate nothing once warm.
/// </summary>
internal static class PanelBuffer<T>
{
    [ThreadStatic]
    private static T[]? t_buffer;

    public static Span<T> For(int length)
    {
        T[]? buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
            t_buffer = buffer = new T[length];
        return buffer.AsSpan(0, length);
    }
}
