using System;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// An output span with sentinels on both sides, so that a vector store running past the end of a
/// tail (or before the start) shows up; it starts filled with NaN, so that a kernel that should
/// overwrite but accumulates, or skips an element, shows up too.
/// </summary>
internal sealed class GuardedBuffer<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private const int Guard = 64; // elements: more than any vector holds
    private static readonly T Sentinel = T.CreateChecked(-12345.5);
    private readonly T[] _storage;

    public GuardedBuffer(int length, T? fill = null)
    {
        Length = length;
        _storage = new T[length + 2 * Guard];
        _storage.AsSpan().Fill(Sentinel);
        Span.Fill(fill ?? T.NaN);
    }

    public int Length { get; }

    public Span<T> Span => _storage.AsSpan(Guard, Length);

    public GuardedBuffer<T> CopyFrom(ReadOnlySpan<T> values)
    {
        values.CopyTo(Span);
        return this;
    }

    public double[] ToDouble()
    {
        var result = new double[Length];
        for (int k = 0; k < Length; k++)
            result[k] = double.CreateChecked(Span[k]);
        return result;
    }

    public void AssertGuardsIntact(string what)
    {
        for (int k = 0; k < Guard; k++)
        {
            Assert.True(_storage[k] == Sentinel, $"{what}: the kernel wrote {Guard - k} elements before the start of its span.");
            Assert.True(_storage[Guard + Length + k] == Sentinel, $"{what}: the kernel wrote {k + 1} elements past the end of its span.");
        }
    }
}
