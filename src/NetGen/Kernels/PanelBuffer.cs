using System;

namespace NetGen.Kernels;

/// <summary>
/// Each thread's buffer for <see cref="MatrixProduct"/>'s copies of B's panels: allocated on a thread's first wide
/// product, and again only when a deeper one needs more, so that products allocate nothing once warm. It starts on a
/// cache line (<see cref="Alignment"/>): every 512-bit load of a copy off a line's boundary reads two lines, which on
/// a core with two full-width FMA pipes made the copied panels slower to read than B in place.
/// </summary>
internal static class PanelBuffer<T> where T : unmanaged
{
    [ThreadStatic]
    private static T[]? t_buffer;

    [ThreadStatic]
    private static int t_origin;

    public static Span<T> For(int length)
    {
        T[]? buffer = t_buffer;
        if (buffer is null || buffer.Length - t_origin < length)
            t_buffer = buffer = Alignment.Allocate<T>(length, out t_origin);
        return buffer.AsSpan(t_origin, length);
    }
}
