using System;
using System.IO;

namespace NetGen;

/// <summary>
/// Reads files that may or may not be gzip-compressed. The format is told by the first two bytes
/// (gzip's magic 1F 8B), not by the name, because data sets are often renamed, or unpacked and still
/// called <c>.gz</c>. Compressed data is inflated by <see cref="GzipInput"/>, as it is read, so that a
/// truncated file is an error and a reader that stops early inflates nothing more.
/// </summary>
internal static class CompressedInput
{
    /// <summary>Whether <paramref name="stream"/> starts with gzip's magic bytes; a seekable stream is left where it was.</summary>
    internal static bool StartsWithGzipMagic(Stream stream)
    {
        long start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>
    /// <paramref name="stream"/> itself, or a <see cref="GzipInput"/> over it when it starts with gzip's
    /// magic; disposing the result disposes <paramref name="stream"/>. The stream must be seekable.
    /// </summary>
    internal static Stream Decompressed(Stream stream) =>
        StartsWithGzipMagic(stream) ? new GzipInput(stream) : stream;
}
