using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Arrays whose region of interest starts on a cache line, for the parameters that every kernel
/// streams and the rows one sample runs through: a 512-bit load or store off a 64-byte boundary
/// straddles two cache lines, and where the arrays fell moved a one-sample pass such as W3's by up to
/// 20% between instances of one network.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
        // The runtime aligns an array's elements to their size only up to 8 bytes; a larger element
        // could leave no index on the boundary.
        int size = Unsafe.SizeOf<T>();
        if (size > 8 || 8 % size != 0)
            throw new ArgumentException($"Expected an element of 1, 2, 4 or 8 bytes, not {size}.", nameof(T));
        var array = GC.AllocateArray<T>(length + Bytes / size, pinned: true);
        origin = Origin(array);
        return array;
    }

    /// <summary>
    /// The first element at or after <paramref name="start"/> at a multiple of <see cref="Bytes"/>, for
    /// rows in a caller's frame, which the garbage collector never moves: room for <c>n + Bytes / sizeof(T)</c>
    /// elements from <paramref name="start"/> holds <c>n</c> from there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T CacheLine<T>(ref T start) where T : unmanaged
    {
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref start);
        return ref Unsafe.AddByteOffset(ref start, -address & (Bytes - 1));
    }

    /// <summary>The first index of <paramref name="array"/> at a multiple of <see cref="Bytes"/>.</summary>
    private static int Origin<T>(T[] array) where T : unmanaged
    {
        // The array is pinned, so its address is fixed for good; the element size divides the
        // remainder, because the runtime aligns the elements of an array to their size up to 8 bytes.
        nuint address = (nuint)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        return (int)((Bytes - address % Bytes) % Bytes) / Unsafe.SizeOf<T>();
    }
}
