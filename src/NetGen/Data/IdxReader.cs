using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NetGen;

/// <summary>
/// Reads the IDX files of MNIST and its drop-ins (LeCun et al.): a big-endian 32-bit magic number
/// whose third byte is the element type (0x08, unsigned byte) and fourth the number of dimensions,
/// then one big-endian 32-bit size a dimension, then the elements. Files may be gzip-compressed.
/// Every defect is an <see cref="InvalidDataException"/> naming the file and the byte where it shows,
/// counted in the decompressed data for a compressed file.
/// </summary>
internal static class IdxReader
{
    /// <summary>Unsigned bytes in 3 dimensions: image count, rows, columns.</summary>
    internal const uint ImagesMagic = 0x00000803;

    /// <summary>Unsigned bytes in 1 dimension: label count.</summary>
    internal const uint LabelsMagic = 0x00000801;

    private const int ImagesHeaderLength = 16, LabelsHeaderLength = 8;

    /// <summary>The images of an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> bytes, row-major.</summary>
    internal readonly record struct Images(ReadOnlyMemory<byte> Pixels, int Count, int Rows, int Columns);

    /// <summary>Reads an image file (magic 0x00000803).</summary>
    internal static Images ReadImages(string path)
    {
        (byte[] bytes, int length, string where) = Load(path);
        ReadOnlySpan<byte> data = bytes.AsSpan(0, length);
        CheckMagic(path, data, where, ImagesMagic, ImagesHeaderLength,
            "unsigned-byte images in 3 dimensions", LabelsMagic, "a label file's: are the two paths swapped?");
        int count = ReadSize(path, data, 4, where, "image count");
        int rows = ReadSize(path, data, 8, where, "row count");
        int columns = ReadSize(path, data, 12, where, "column count");
        if (rows == 0 || columns == 0)
            throw new InvalidDataException(
                $"{path}: images of {rows}x{columns} pixels at byte 8{where}: expected at least one row and one column.");
        long pixels = (long)count * rows * columns;
        if (pixels > Array.MaxLength - ImagesHeaderLength)
            throw new InvalidDataException(
                $"{path}: {count} images of {rows}x{columns} pixels at byte 4{where} make {pixels} bytes: more than an array holds.");
        CheckLength(path, length, where, ImagesHeaderLength, pixels, $"{count} images of {rows}x{columns} pixels");
        return new Images(bytes.AsMemory(ImagesHeaderLength, (int)pixels), count, rows, columns);
    }

    /// <summary>Reads a label file (magic 0x00000801): one byte a label, any value from 0 to 255.</summary>
    internal static ReadOnlyMemory<byte> ReadLabels(string path)
    {
        (byte[] bytes, int length, string where) = Load(path);
        ReadOnlySpan<byte> data = bytes.AsSpan(0, length);
        CheckMagic(path, data, where, LabelsMagic, LabelsHeaderLength,
            "unsigned-byte labels in 1 dimension", ImagesMagic, "an image file's: are the two paths swapped?");
        int count = ReadSize(path, data, 4, where, "label count");
        CheckLength(path, length, where, LabelsHeaderLength, count, $"{count} labels");
        return bytes.AsMemory(LabelsHeaderLength, count);
    }

    /// <summary>
    /// The whole file, decompressed if it starts with gzip's magic, and the words that messages add
    /// to a byte position so that it is not looked for in the compressed file.
    /// </summary>
    private static (byte[] Bytes, int Length, string Where) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream file = File.OpenRead(path);
        if (!CompressedInput.StartsWithGzipMagic(file))
        {
            // Read through the header's promises: a truncated or padded file is reported by its length.
            byte[] raw = new byte[file.Length];
            file.ReadExactly(raw);
            return (raw, raw.Length, "");
        }
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var decompressed = new MemoryStream();
        try
        {
            gzip.CopyTo(decompressed);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException(
                $"{path}: the gzip-compressed data is corrupt after byte {decompressed.Length} of the decompressed data: {exception.Message}", exception);
        }
        return (decompressed.GetBuffer(), (int)decompressed.Length, " of the decompressed data");
    }

    private static void CheckMagic(string path, ReadOnlySpan<byte> data, string where, uint expected, int headerLength,
        string meaning, uint otherMagic, string otherMeaning)
    {
        if (data.Length < 4)
            throw TruncatedHeader(path, data.Length, where, headerLength);
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (magic != expected)
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{magic:X8} at byte 0{where}: expected 0x{expected:X8}, the IDX magic number of {meaning}"
                + (magic == otherMagic ? $" (0x{otherMagic:X8} is {otherMeaning})." : "."));
        if (data.Length < headerLength)
            throw TruncatedHeader(path, data.Length, where, headerLength);
    }

    private static InvalidDataException TruncatedHeader(string path, int length, string where, int headerLength) =>
        new($"{path}: truncated header: the file ends at byte {length}{where}, but this IDX header takes {headerLength} bytes "
            + "(the magic number, then one 32-bit size a dimension).");

    private static int ReadSize(string path, ReadOnlySpan<byte> data, int position, string where, string name)
    {
        uint size = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
        if (size > int.MaxValue)
            throw new InvalidDataException($"{path}: {name} {size} at byte {position}{where} is too large: expected at most {int.MaxValue}.");
        return (int)size;
    }

    private static void CheckLength(string path, int length, string where, int headerLength, long elements, string contents)
    {
        long end = headerLength + elements;
        if (length < end)
            throw new InvalidDataException(
                $"{path}: truncated data: the file ends at byte {length}{where}, but the header's {contents} take bytes {headerLength} to {end}.");
        if (length > end)
            throw new InvalidDataException(
                $"{path}: unexpected data at byte {end}{where}: the header's {contents} end there, but the file goes on to byte {length}.");
    }
}
