using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// A hint that brings a cache line into L2 ahead of its use, where the hardware's prefetchers do not follow: rows of
/// a matrix that lie a page apart or more. Where the instruction is absent it does nothing.
/// </summary>
/// <remarks>
/// Pointers, since the instruction takes an address. A prefetch never faults and is never read
/// back, so an address past the end of an array, or one the garbage collector has since moved, costs at most a
/// wasted fetch; the address is computed as a pointer, never held as a reference outside its array.
/// </remarks>
internal static unsafe class Prefetch
{
    /// <summary>The line <paramref name="bytesAhead"/> bytes past <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToL2<T>(ref T from, nint bytesAhead)
    {
        if (Sse.IsSupported)
            Sse.Prefetch1((byte*)Unsafe.AsPointer(ref from) + bytesAhead);
    }
}
