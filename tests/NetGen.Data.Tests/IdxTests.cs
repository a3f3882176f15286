using System;
using System.Collections.Generic;
using System.IO;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class IdxTests
{
    // Three images of 2 rows × 3 columns, with the extreme pixel values in them.
    private static readonly byte[] s_pixels =
    [
        0, 1, 2, 3, 4, 5,
        255, 254, 128, 127, 64, 0,
        10, 20, 30, 40, 50, 60,
    ];

    // Labels are bytes: 200 is as valid as 9.
    private static readonly byte[] s_labels = [7, 0, 200];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void RoundTripsRawAndCompressedFiles(bool compressImages, bool compressLabels)
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("images-idx3-ubyte" + (compressImages ? ".gz" : ""), IdxBytes.Images(3, 2, 3, s_pixels), compressImages);
        string labels = directory.Write("labels-idx1-ubyte" + (compressLabels ? ".gz" : ""), IdxBytes.Labels(s_labels), compressLabels);

        Dataset<double> unscaled = Datasets.ReadIdx<double>(images, labels, scale: false);

        Assert.Equal(3, unscaled.Count);
        Assert.Equal(6, unscaled.FeatureCount);
        Assert.Equal(Array.ConvertAll(s_pixels, p => (double)p), unscaled.Features);
        Assert.Equal([7, 0, 200], unscaled.Labels!);
    }

    [Fact]
    public void ScalingDividesEachPixelBy255()
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("images", IdxBytes.Images(3, 2, 3, s_pixels));
        string labels = directory.Write("labels", IdxBytes.Labels(s_labels));

        Dataset<float> scaled = Datasets.ReadIdx<float>(images, labels);

        Assert.Equal(Array.ConvertAll(s_pixels, p => p / 255f), scaled.Features);
        Assert.Equal(1f, scaled.Features[6]);
        Assert.Equal(0f, scaled.Features[0]);
    }

    [Fact]
    public void CompressionIsToldByTheMagicBytesNotTheName()
    {
        using var directory = new TemporaryDirectory();
        // Compressed without .gz, and plain with .gz: both must be read for what they hold.
        string images = directory.Write("images.idx3-ubyte", IdxBytes.Images(3, 2, 3, s_pixels), gzip: true);
        string labels = directory.Write("labels.idx1-ubyte.gz", IdxBytes.Labels(s_labels), gzip: false);

        Dataset<double> data = Datasets.ReadIdx<double>(images, labels, scale: false);

        Assert.Equal(Array.ConvertAll(s_pixels, p => (double)p), data.Features);
        Assert.Equal([7, 0, 200], data.Labels!);
    }

    /// <summary>
    /// gzip files as other tools write them: a header with an extra field, a file name and a comment
    /// (RFC 1952's FEXTRA, FNAME and FCOMMENT flags, which the gzip command sets for the name), and a
    /// file of two members, as concatenated .gz files are, which decompress to their data in order.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CompressedFilesWithHeaderFieldsOrSeveralMembersAreRead(bool twoMembers)
    {
        byte[] images = IdxBytes.Images(3, 2, 3, s_pixels);
        byte[] compressed = twoMembers
            ? IdxBytes.Concat(GzipBomb.Compress(images[..20]), GzipBomb.Compress(images[20..]))
            : WithHeaderFields(GzipBomb.Compress(images));
        using var directory = new TemporaryDirectory();
        string imagesPath = directory.Write("images.gz", compressed);
        string labels = directory.Write("labels", IdxBytes.Labels(s_labels));

        Dataset<double> data = Datasets.ReadIdx<double>(imagesPath, labels, scale: false);

        Assert.Equal(Array.ConvertAll(s_pixels, p => (double)p), data.Features);
    }

    private static byte[] WithHeaderFields(byte[] member)
    {
        byte[] header = member[..10];
        header[3] |= 0x04 | 0x08 | 0x10;
        byte[] extra = [4, 0, (byte)'x', (byte)'y', 2, 0];
        byte[] name = [.. "images-idx3-ubyte"u8, 0];
        byte[] comment = [.. "made by a test"u8, 0];
        return IdxBytes.Concat(header, extra, name, comment, member[10..]);
    }

    [Fact]
    public void ZeroImagesMakeAnEmptyDataSet()
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("images", IdxBytes.Images(0, 28, 28, []));
        string labels = directory.Write("labels", IdxBytes.Labels([]));

        Dataset<float> data = Datasets.ReadIdx<float>(images, labels);

        Assert.Equal(0, data.Count);
        Assert.Equal(784, data.FeatureCount);
    }

    /// <summary>
    /// A malformed pair of files: the bytes of each, whether to compress the broken one, which file the
    /// message must name, and the fragments it must hold (the byte position among them).
    /// </summary>
    public static IEnumerable<object[]> MalformedCases()
    {
        byte[] goodImages = IdxBytes.Images(3, 2, 3, s_pixels);   // 16 + 18 = 34 bytes
        byte[] goodLabels = IdxBytes.Labels(s_labels);            // 8 + 3 = 11 bytes

        object[] Case(string name, byte[] images, byte[] labels, bool compress, string named, params string[] fragments) =>
            [name, images, labels, compress, named, fragments];

        yield return Case("label magic in the images file", IdxBytes.Images(3, 2, 3, s_pixels, magic: 0x801), goodLabels, false, "images",
            "wrong magic number 0x00000801 at byte 0", "expected 0x00000803", "swapped");
        yield return Case("foreign magic in the images file", IdxBytes.Images(3, 2, 3, s_pixels, magic: 0x12345678), goodLabels, false, "images",
            "wrong magic number 0x12345678 at byte 0", "expected 0x00000803");
        yield return Case("image magic in the labels file", goodImages, IdxBytes.Labels(s_labels, magic: 0x803), false, "labels",
            "wrong magic number 0x00000803 at byte 0", "expected 0x00000801", "swapped");
        yield return Case("images file shorter than the magic number", IdxBytes.Take(goodImages, 3), goodLabels, false, "images",
            "truncated header", "ends at byte 3", "16 bytes");
        yield return Case("images header cut after the image count", IdxBytes.Take(goodImages, 9), goodLabels, false, "images",
            "truncated header", "ends at byte 9", "16 bytes");
        yield return Case("labels header cut in the count", goodImages, IdxBytes.Take(goodLabels, 6), false, "labels",
            "truncated header", "ends at byte 6", "8 bytes");
        yield return Case("empty images file", [], goodLabels, false, "images",
            "truncated header", "ends at byte 0");
        yield return Case("pixels missing", IdxBytes.Take(goodImages, 33), goodLabels, false, "images",
            "truncated data", "ends at byte 33", "3 images of 2x3 pixels", "bytes 16 to 34");
        yield return Case("pixels missing in a compressed file", IdxBytes.Take(goodImages, 30), goodLabels, true, "images",
            "truncated data", "ends at byte 30 of the decompressed data", "bytes 16 to 34");
        yield return Case("labels missing", goodImages, IdxBytes.Take(goodLabels, 10), false, "labels",
            "truncated data", "ends at byte 10", "3 labels", "bytes 8 to 11");
        yield return Case("bytes past the last image", IdxBytes.Concat(goodImages, [1, 2]), goodLabels, false, "images",
            "unexpected data at byte 34", "goes on to byte 36");
        yield return Case("bytes past the last label", goodImages, IdxBytes.Concat(goodLabels, [9]), false, "labels",
            "unexpected data at byte 11", "goes on to byte 12");
        yield return Case("images with no columns", IdxBytes.Images(3, 2, 0, []), goodLabels, false, "images",
            "2x0 pixels at byte 8");
        yield return Case("an image count beyond 31 bits", IdxBytes.Concat(IdxBytes.BigEndian(0x803, 0x80000000, 2, 3)), goodLabels, false, "images",
            "image count 2147483648 at byte 4", "too large");
        yield return Case("more labels than images", goodImages, IdxBytes.Labels([1, 2, 3, 4]), false, "both",
            "3 images", "4 labels", "byte 4");
    }

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void MalformedFilesAreReportedWithFileAndPosition(string name, byte[] images, byte[] labels, bool compress, string named, string[] fragments)
    {
        using var directory = new TemporaryDirectory();
        string imagesPath = directory.Write("images-idx3-ubyte", images, compress && named == "images");
        string labelsPath = directory.Write("labels-idx1-ubyte", labels, compress && named == "labels");

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadIdx<float>(imagesPath, labelsPath));

        string message = exception.Message;
        if (named is "images" or "both")
            Assert.Contains(imagesPath, message);
        if (named is "labels" or "both")
            Assert.Contains(labelsPath, message);
        if (named == "images")
            Assert.DoesNotContain(labelsPath, message);
        foreach (string fragment in fragments)
            Assert.True(message.Contains(fragment, StringComparison.Ordinal), $"{name}: expected \"{fragment}\" in: {message}");
    }

    [Fact]
    public void CorruptCompressedDataIsReportedWithTheFile()
    {
        using var directory = new TemporaryDirectory();
        byte[] notReallyGzip = [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x03, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x11, 0x22, 0x33];
        string images = directory.Write("images", notReallyGzip);
        string labels = directory.Write("labels", IdxBytes.Labels(s_labels));

        var exception = Assert.ThrowsAny<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
    }

    [Fact]
    public void AMissingFileIsFileNotFound()
    {
        using var directory = new TemporaryDirectory();
        string labels = directory.Write("labels", IdxBytes.Labels(s_labels));

        Assert.Throws<FileNotFoundException>(() => Datasets.ReadIdx<float>(Path.Combine(directory.Path, "nothing-here"), labels));
    }
}
