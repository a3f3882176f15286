using System;
using System.Runtime.InteropServices;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Memory whose last element lies against a page the process may neither read nor write, so that a kernel that
/// loads a whole vector past the end of its span stops the test run with an access violation instead of reading
/// whatever follows an array on the heap, which no value check can see.
/// </summary>
internal sealed unsafe class PageEndMemory<T> : IDisposable where T : unmanaged
{
    private readonly nint _region;
    private readonly nuint _size;
    private readonly int _length;

    public PageEndMemory(int length)
    {
        nuint page = (nuint)Environment.SystemPageSize;
        nuint bytes = (nuint)length * (nuint)sizeof(T);
        nuint dataPages = (bytes + page - 1) / page;
        _size = (dataPages + 1) * page;
        _length = length;
        _region = PageMapping.Allocate(_size);
        PageMapping.Protect(_region + (nint)(dataPages * page), page);
        Start = (T*)(_region + (nint)(dataPages * page - bytes));
    }

    private T* Start { get; }

    public Span<T> Span => new(Start, _length);

    public PageEndMemory<T> CopyFrom(ReadOnlySpan<T> values)
    {
        values.CopyTo(Span);
        return this;
    }

    public void Dispose() => PageMapping.Free(_region, _size);
}
