using System;
using System.IO.Compression;

namespace NetGen;

internal sealed partial class GzipInput
{
    /// <summary>
    /// The compressed input of one member's <see cref="DeflateStream"/>: the owner's buffered chunks, so
    /// that the owner knows which chunk held the end of the deflate data and whether the file ran out first.
    /// </summary>
    private sealed class DeflateSource(GzipInput owner) : ReadOnlyStream
    {
        public override int Read(Span<byte> destination) => owner.NextChunk(destination);
    }
}
