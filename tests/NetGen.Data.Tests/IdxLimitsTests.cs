using System;
using System.IO;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

/// <summary>
/// IDX files built to make a reader inflate, allocate or overflow: gzip bombs, declared sizes beyond an
/// array, a raw file beyond 2 GiB, a gzip file cut short. Each must be an InvalidDataException that
/// names the file and the position, found from the header and what it declares, with the allocations
/// bounded (see <see cref="Allocations"/>) whatever the file would inflate to.
/// </summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class IdxLimitsTests
{
    private static readonly byte[] s_labels = IdxBytes.Labels([1, 2, 3]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AGzipBombOfZerosIsRejectedByItsMagicNumber(bool asImages)
    {
        using var directory = new TemporaryDirectory();
        string bomb = GzipBomb.Write(directory, "zeros.gz", [], GzipBomb.GiB);
        string images = asImages ? bomb : directory.Write("images", IdxBytes.Images(3, 1, 1, [1, 2, 3]));
        string labels = asImages ? directory.Write("labels", s_labels) : bomb;

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(bomb, exception.Message);
        Assert.Contains("wrong magic number 0x00000000 at byte 0 of the decompressed data", exception.Message);
    }

    [Fact]
    public void AHeaderDeclaringMoreThanAnArrayHoldsIsRejectedBeforeTheBodyIsInflated()
    {
        using var directory = new TemporaryDirectory();
        // 40,000 images of 300x300 pixels are 3.6e9 bytes; the body, 2.5 GiB of zeros, would not fit a stream either.
        string images = GzipBomb.Write(directory, "images.gz", IdxBytes.BigEndian(IdxBytes.ImagesMagic, 40_000, 300, 300), 5 * GzipBomb.GiB / 2);
        string labels = directory.Write("labels", s_labels);

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
        Assert.Contains("40000 images of 300x300 pixels at byte 4 of the decompressed data", exception.Message);
        Assert.Contains("more than an array holds", exception.Message);
    }

    [Fact]
    public void AGzipBombAfterTheDeclaredPixelsIsUnexpectedDataNotInflatedToItsEnd()
    {
        using var directory = new TemporaryDirectory();
        // One image of 2x2 pixels, then a gigabyte that the header does not declare.
        string images = GzipBomb.Write(directory, "images.gz", IdxBytes.Images(1, 2, 2, [9, 8, 7, 6]), GzipBomb.GiB);
        string labels = directory.Write("labels", IdxBytes.Labels([4]));

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
        Assert.Contains("unexpected data at byte 20 of the decompressed data", exception.Message);
    }

    [Fact]
    public void ARawFileBeyond2GiBIsReportedByItsLength()
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("images", IdxBytes.Images(3, 1, 1, [1, 2, 3]));
        // Sparse: three gigabytes long, but nothing written past the pixels.
        using (var file = new FileStream(images, FileMode.Open))
            file.SetLength(3 * GzipBomb.GiB);
        string labels = directory.Write("labels", s_labels);

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
        Assert.Contains("unexpected data at byte 19", exception.Message);
        Assert.Contains($"goes on to byte {3 * GzipBomb.GiB}", exception.Message);
    }

    [Fact]
    public void ARawFileShorterThanItsHeaderDeclaresIsNotReadIntoAnArrayOfTheDeclaredSize()
    {
        using var directory = new TemporaryDirectory();
        // Each header declares two billion one-pixel images or labels; each file holds three.
        string images = directory.Write("images", IdxBytes.Concat(IdxBytes.BigEndian(IdxBytes.ImagesMagic, 2_000_000_000, 1, 1), [1, 2, 3]));
        string labels = directory.Write("labels", IdxBytes.Labels(2_000_000_000, [1, 2, 3]));

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
        Assert.Contains("truncated data: the file ends at byte 19", exception.Message);
    }

    [Theory]
    [InlineData(65536, 65536)]   // 2^32 pixels an image, which wraps to 0 in 32 bits
    [InlineData(65536, 32768)]   // 2^31, which wraps to a negative count
    [InlineData(int.MaxValue, 2)]
    public void ZeroImagesOfMoreFeaturesThanAnArrayHoldsAreRejected(int rows, int columns)
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("images", IdxBytes.Images(0, rows, columns, []));
        string labels = directory.Write("labels", IdxBytes.Labels([]));

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(images, exception.Message);
        Assert.Contains($"images of {rows}x{columns} pixels at byte 8", exception.Message);
        Assert.Contains("more than an array holds", exception.Message);
    }

    [Theory]
    [InlineData(4)]    // the whole trailer (CRC-32 and length) missing
    [InlineData(1)]    // its last byte missing
    public void AGzipFileCutInItsTrailerIsTruncated(int cut)
    {
        using var directory = new TemporaryDirectory();
        byte[] compressed = GzipBomb.Compress(IdxBytes.Labels([1, 2, 3]));
        string labels = directory.Write("labels.gz", IdxBytes.Take(compressed, compressed.Length - (cut == 4 ? 8 : cut)));
        string images = directory.Write("images", IdxBytes.Images(3, 1, 1, [1, 2, 3]));

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadIdx<float>(images, labels));

        Assert.Contains(labels, exception.Message);
        Assert.Contains("truncated", exception.Message);
    }
}
