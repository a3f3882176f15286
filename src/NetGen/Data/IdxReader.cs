using System;
using System.Buffers.Binary;
using System.IO;

namespace NetGen;

/// <summary>
/// Reads the IDX files of MNIST and its drop-ins (LeCun et al.): a big-endian 32-bit magic number
/// whose third byte is the element type (0x08, unsigned byte) and fourth the number of dimensions,
/// then one big-endian 32-bit size a dimension, then the elements. Files may be gzip-compressed.
/// The header is read and checked first, from the first bytes of the (decompressed) data, then exactly
/// the elements it declares: a file is never inflated or read past what its header promises, and no
/// array is sized by a number that has not been checked against what an array holds and, for a raw
/// file, against the file's length. Every defect is an <see cref="InvalidDataException"/> naming the
/// file and the byte where it shows, counted in the decompressed data for a compressed file.
/// </summary>
internal static class IdxReader
{
    /// <summary>Unsigned bytes in 3 dimensions: image count, rows, columns.</summary>
    internal const uint ImagesMagic = 0x00000803;

    /// <summary>Unsigned bytes in 1 dimension: label count.</summary>
    internal const uint LabelsMagic = 0x00000801;

    internal const int ImagesHeaderLength = 16, LabelsHeaderLength = 8;

    /// <summary>
    /// What a compressed file's elements start in before they have shown they are there: a header may
    /// declare two gigabytes in a file cut after a few bytes. MNIST's 47 MB of images fit at once.
    /// </summary>
    private const int InitialCompressedCapacity = 64 << 20;

    /// <summary>How much of the data past the declared elements is counted for the message, so that a bomb behind them is not inflated.</summary>
    private const int TrailingCountLimit = 1 << 20;

    /// <summary>The header of an image file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> bytes.</summary>
    internal readonly record struct ImagesHeader(int Count, int Rows, int Columns)
    {
        internal long PixelCount => (long)Count * Rows * Columns;

        internal string Contents => $"{Count} images of {Rows}x{Columns} pixels";
    }

    /// <summary>Reads and checks an image file's header (magic 0x00000803), leaving the file at its first pixel.</summary>
    internal static ImagesHeader ReadImagesHeader(IdxFile file)
    {
        Span<byte> header = stackalloc byte[ImagesHeaderLength];
        ReadHeader(file, header, ImagesMagic, "unsigned-byte images in 3 dimensions", LabelsMagic, "a label file's: are the two paths swapped?");
        var images = new ImagesHeader(
            ReadSize(file, header, 4, "image count"), ReadSize(file, header, 8, "row count"), ReadSize(file, header, 12, "column count"));
        if (images.Rows == 0 || images.Columns == 0)
            throw new InvalidDataException(
                $"{file.Path}: images of {images.Rows}x{images.Columns} pixels at byte 8{file.Where}: expected at least one row and one column.");
        // An image is one sample's features, an array of its own, however few images there are.
        long imagePixels = (long)images.Rows * images.Columns;
        if (imagePixels > Array.MaxLength)
            throw new InvalidDataException(
                $"{file.Path}: images of {images.Rows}x{images.Columns} pixels at byte 8{file.Where} make {imagePixels} features a sample: more than an array holds ({Array.MaxLength}).");
        if (images.PixelCount > Array.MaxLength)
            throw new InvalidDataException(
                $"{file.Path}: {images.Contents} at byte 4{file.Where} make {images.PixelCount} bytes: more than an array holds ({Array.MaxLength}).");
        return images;
    }

    /// <summary>Reads and checks a label file's header (magic 0x00000801), leaving the file at its first label; returns the label count.</summary>
    internal static int ReadLabelsHeader(IdxFile file)
    {
        Span<byte> header = stackalloc byte[LabelsHeaderLength];
        ReadHeader(file, header, LabelsMagic, "unsigned-byte labels in 1 dimension", ImagesMagic, "an image file's: are the two paths swapped?");
        int count = ReadSize(file, header, 4, "label count");
        if (count > Array.MaxLength)
            throw new InvalidDataException(
                $"{file.Path}: {count} labels at byte 4{file.Where}: more than an array holds ({Array.MaxLength}).");
        return count;
    }

    /// <summary>
    /// Reads the <paramref name="length"/> elements the header declared, which must be all that is left:
    /// <paramref name="contents"/> says what they are, for messages.
    /// </summary>
    internal static byte[] ReadElements(IdxFile file, int headerLength, long length, string contents)
    {
        long end = headerLength + length;
        if (file.RawLength is { } fileLength)
        {
            // A raw file tells its length: a short or padded one is reported before anything is allocated.
            if (fileLength < end)
                throw TruncatedData(file, fileLength, headerLength, end, contents);
            if (fileLength > end)
                throw UnexpectedData(file, end, contents, $"goes on to byte {fileLength}");
        }

        var elements = new byte[file.RawLength is null ? Math.Min(length, InitialCompressedCapacity) : length];
        long read = file.Read(elements);
        while (read == elements.Length && read < length)
        {
            // Grown only as the data keeps coming, so a false promise costs what the file really holds.
            int previous = elements.Length;
            Array.Resize(ref elements, (int)Math.Min(length, 2L * previous));
            read += file.Read(elements.AsSpan(previous));
        }
        if (read < length)
            throw TruncatedData(file, headerLength + read, headerLength, end, contents);

        if (file.RawLength is null)
        {
            Span<byte> scratch = stackalloc byte[4096];
            long extra = 0;
            int chunk;
            while (extra < TrailingCountLimit && (chunk = file.Read(scratch)) > 0)
                extra += chunk;
            if (extra > 0)
                throw UnexpectedData(file, end, contents,
                    extra < TrailingCountLimit ? $"goes on to byte {end + extra}" : $"goes on past byte {end + extra}");
        }
        return elements;
    }

    private static void ReadHeader(IdxFile file, Span<byte> header, uint expected, string meaning, uint otherMagic, string otherMeaning)
    {
        // The magic number first: a file of another kind is told as such, however short it is.
        int read = file.Read(header[..4]);
        if (read < 4)
            throw TruncatedHeader(file, read, header.Length);
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (magic != expected)
            throw new InvalidDataException(
                $"{file.Path}: wrong magic number 0x{magic:X8} at byte 0{file.Where}: expected 0x{expected:X8}, the IDX magic number of {meaning}"
                + (magic == otherMagic ? $" (0x{otherMagic:X8} is {otherMeaning})." : "."));
        read += file.Read(header[4..]);
        if (read < header.Length)
            throw TruncatedHeader(file, read, header.Length);
    }

    private static InvalidDataException TruncatedHeader(IdxFile file, int length, int headerLength) =>
        new($"{file.Path}: truncated header: the file ends at byte {length}{file.Where}, but this IDX header takes {headerLength} bytes "
            + "(the magic number, then one 32-bit size a dimension).");

    private static InvalidDataException TruncatedData(IdxFile file, long length, int headerLength, long end, string contents) =>
        new($"{file.Path}: truncated data: the file ends at byte {length}{file.Where}, but the header's {contents} take bytes {headerLength} to {end}.");

    private static InvalidDataException UnexpectedData(IdxFile file, long end, string contents, string rest) =>
        new($"{file.Path}: unexpected data at byte {end}{file.Where}: the header's {contents} end there, but the file {rest}.");

    private static int ReadSize(IdxFile file, ReadOnlySpan<byte> header, int position, string name)
    {
        uint size = BinaryPrimitives.ReadUInt32BigEndian(header[position..]);
        if (size > int.MaxValue)
            throw new InvalidDataException($"{file.Path}: {name} {size} at byte {position}{file.Where} is too large: expected at most {int.MaxValue}.");
        return (int)size;
    }
}
