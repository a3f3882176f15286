using System;
using System.IO;

namespace NetGen;

/// <summary>
/// One IDX file open for reading: its data (inflated as it is read when the file is gzip), how far
/// into it the reader is, and what messages need to place a byte: the path, and the words that say the
/// position counts decompressed bytes, so that it is not looked for in the compressed file.
/// </summary>
internal sealed class IdxFile : IDisposable
{
    private readonly Stream _data;

    private IdxFile(string path, Stream data, string where, long? rawLength) =>
        (Path, _data, Where, RawLength) = (path, data, where, rawLength);

    /// <summary>The path, as the caller gave it.</summary>
    internal string Path { get; }

    /// <summary>Empty for a raw file, " of the decompressed data" for a compressed one.</summary>
    internal string Where { get; }

    /// <summary>A raw file's length, which bounds what its header may declare; null for a compressed file, whose length says nothing.</summary>
    internal long? RawLength { get; }

    /// <summary>The number of bytes of data read so far.</summary>
    internal long Position { get; private set; }

    internal static IdxFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file = File.OpenRead(path);
        return CompressedInput.StartsWithGzipMagic(file)
            ? new IdxFile(path, new GzipInput(file), " of the decompressed data", null)
            : new IdxFile(path, file, "", file.Length);
    }

    /// <summary>Fills <paramref name="destination"/> unless the data ends first; returns how much it read.</summary>
    internal int Read(Span<byte> destination)
    {
        int total = 0;
        try
        {
            while (total < destination.Length)
            {
                int read = _data.Read(destination[total..]);
                if (read == 0)
                    break;
                total += read;
                Position += read;
            }
        }
        catch (InvalidDataException exception)
        {
            // GzipInput's message places the fault in the compressed file; this adds the file and the data.
            throw new InvalidDataException($"{Path}: after byte {Position}{Where}: {exception.Message}", exception);
        }
        return total;
    }

    public void Dispose() => _data.Dispose();
}
