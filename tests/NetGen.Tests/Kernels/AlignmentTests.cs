using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Alignment.Allocate gives room for the length asked from an origin on a 64-byte boundary, for float and
/// double, and the array stays there through a compacting collection; elements it cannot align are refused.
/// Alignment.CacheLine finds the boundary within the first line of rows on the stack.
/// </summary>
public class AlignmentTests
{
    public static TheoryData<int> Lengths => new(0, 1, 17, 1000, 200_000);

    [Theory, MemberData(nameof(Lengths))]
    public void FloatRegionStartsOnACacheLineAndFits(int length) => AssertAligned<float>(length);

    [Theory, MemberData(nameof(Lengths))]
    public void DoubleRegionStartsOnACacheLineAndFits(int length) => AssertAligned<double>(length);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(15)]
    public void StackRowsStartOnACacheLineWithinTheSpan(int offset)
    {
        // Every starting offset of a float span within a line, so that each distance to the boundary occurs.
        Span<float> rows = stackalloc float[64 + 16];
        Span<float> span = rows.Slice(offset, 48 + 16);
        ref float aligned = ref Alignment.CacheLine(ref span[0]);
        long address = Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref aligned);
        long skipped = Unsafe.ByteOffset(ref span[0], ref aligned) / sizeof(float);
        Assert.Equal(0, address % 64);
        Assert.InRange(skipped, 0, 15);
        Assert.True(skipped + 48 <= span.Length);
    }

    [Fact]
    public void NegativeLengthIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Alignment.Allocate<float>(-1, out _));

    [Fact]
    public void ElementsLargerThanEightBytesAreRefused()
    {
        // The runtime aligns such elements to 8 bytes only, so no index need fall on the boundary.
        var error = Assert.Throws<ArgumentException>(() => Alignment.Allocate<Vector128<float>>(4, out _));
        Assert.Contains("1, 2, 4 or 8 bytes, not 16", error.Message);
    }

    private static void AssertAligned<T>(int length) where T : unmanaged
    {
        // Several arrays: their sizes are no multiples of 64 bytes, so they start at different offsets
        // within a cache line.
        for (int k = 0; k < 8; k++)
        {
            T[] array = Alignment.Allocate<T>(length, out int origin);
            Assert.InRange(origin, 0, Alignment.Bytes / Unsafe.SizeOf<T>() - 1);
            Assert.True(array.Length >= origin + length, $"{array.Length} elements hold no {length} from {origin}.");
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref array[0]) + origin * Unsafe.SizeOf<T>();
            Assert.Equal(0, address % Alignment.Bytes);
        }
    }
}
