using System;

namespace NetGen.Kernels;

/// <summary>
/// <see cref="Length"/> elements of a pinned array, the first on a cache line (<see cref="Alignment"/>): for the gradient
/// and the optimizer's state, which the kernels stream beside the parameters. Off a line, every 512-bit load and store
/// of theirs touched two lines; and where two threads each update a half of them, the lines at the halves' boundaries went
/// back and forth between the cores. 784-256-10 at batch 128 on Zen 5 cores, p10 of alternating rounds: a two-thread step
/// 305.1 and 333.7 us in two rounds off a line, 300.1 and 328.8 on one; a one-thread step 570.1 against 564.6.
/// </summary>
internal readonly struct AlignedArray<T> where T : unmanaged
{
    private readonly T[] _array;
    private readonly int _origin;

    /// <summary>An array of <paramref name="length"/> zeros; an empty one allocates nothing.</summary>
    public AlignedArray(int length)
    {
        _array = length == 0 ? [] : Alignment.Allocate<T>(length, out _origin);
        Length = length;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements.</summary>
    public Span<T> Span => new(_array, _origin, Length);

    /// <summary>Elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public Span<T> Slice(int start, int length) => Span.Slice(start, length);
}
