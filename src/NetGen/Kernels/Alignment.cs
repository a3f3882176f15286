using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Arrays whose region of interest starts on a cache line, for the parameters that every kernel
/// streams: a 512-bit load from an address that is not a multiple of 32 bytes straddles two cache
/// lines, and a one-sample pass such as W3's measured about 5% slower at such addresses.
/// </summary>
public static class Alignment
{
    /// <summary>The alignment of the region: one cache line, and one 512-bit vector.</summary>
    public const int Bytes = 64;

    /// <summary>
    /// A pinned array with room for <paramref name="length"/> elements from <paramref name="origin"/>,
    /// the first index at a multiple of <see cref="Bytes"/>. Pinned, so the garbage collector never moves
    /// it and the origin stays right.
    /// </summary>
    public static T[] Allocate<T>(int length, out int origin) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int size = Unsafe.SizeOf<T>();
        if (Bytes % size != 0)
            throw new ArgumentException($"Expected an element size that divides {Bytes} bytes, not {size}.", nameof(T));
        var array = GC.AllocateArray<T>(length + Bytes / size, pinned: true);
        origin = Origin(array);
        return array;
    }

    /// <summary>The first index of <paramref name="array"/> at a multiple of <see cref="Bytes"/>.</summary>
    private static int Origin<T>(T[] array) where T : unmanaged
    {
        // The array is pinned, so its address is fixed for good; the element size divides the
        // remainder, because the runtime aligns every array's elements to their size.
        nuint address = (nuint)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        return (int)((Bytes - address % Bytes) % Bytes) / Unsafe.SizeOf<T>();
    }
}
