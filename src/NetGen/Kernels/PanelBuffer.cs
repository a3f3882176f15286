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

    [ThreadStatic]
    private static T[]? t_aside;

    [ThreadStatic]
    private static int t_asideOrigin;

    /// <summary>The buffer the product copies B's panels into.</summary>
    public static Span<T> For(int length) => Grow(ref t_buffer, ref t_origin, length);

    /// <summary>A second buffer, for what a caller of the product keeps beside it (<see cref="Dense"/>'s panels set aside).</summary>
    public static Span<T> Aside(int length) => Grow(ref t_aside, ref t_asideOrigin, length);

    private static Span<T> Grow(ref T[]? buffer, ref int origin, int length)
    {
        if (buffer is null || buffer.Length - origin < length)
            buffer = Alignment.Allocate<T>(length, out origin);
        return buffer.AsSpan(origin, length);
    }
}
