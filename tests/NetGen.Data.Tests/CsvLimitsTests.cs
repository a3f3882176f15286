using System;
using System.IO;
using System.Text;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

/// <summary>
/// Delimited text built to make a reader allocate without bound or misreport: a line beyond the line
/// limit, a gzip bomb of one endless line, NUL characters in cells, a compressed file cut short. Each
/// must be an InvalidDataException naming the file and the line, with bounded allocations.
/// </summary>
[Collection(AllocationMeasuredCollection.Name)]
public sealed class CsvLimitsTests
{
    /// <summary>The documented limit, 1 MiB characters a line, written here rather than read from the reader.</summary>
    private const int LineLimit = 1 << 20;

    [Fact]
    public void ALineBeyondTheLimitIsReportedByItsNumber()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("long.csv", "1,2,0\n" + new string('1', LineLimit + 1) + ",2,0\n3,4,1\n");

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path));

        Assert.Contains($"{path}: line 2 is longer than 1,048,576 characters", exception.Message);
    }

    [Fact]
    public void ALineAtTheLimitIsRead()
    {
        using var directory = new TemporaryDirectory();
        string longNumber = "0." + new string('5', LineLimit - 4);
        string path = directory.WriteText("at-limit.csv", "1,0\n" + longNumber + ",1\n");

        Dataset<double> data = Datasets.ReadCsv<double>(path);

        Assert.Equal([1.0, 0.5555555555555556], data.Features);
        Assert.Equal([0, 1], data.Labels!);
    }

    [Fact]
    public void AGzipBombOfOneLineStopsAtTheLineLimit()
    {
        using var directory = new TemporaryDirectory();
        string path = GzipBomb.Write(directory, "bomb.csv.gz", Encoding.ASCII.GetBytes("1,2,0\n7"), GzipBomb.GiB);

        var exception = Allocations.ThrowsWithin<InvalidDataException>(() => Datasets.ReadCsv<float>(path));

        Assert.Contains($"{path}: line 2 is longer than", exception.Message);
    }

    [Theory]
    [InlineData("1,2\0\n", 2)]        // "2\0" would parse as the label 2
    [InlineData("1\0,2\n", 1)]        // and "1\0" as the feature 1
    [InlineData("1,2,0\n3,\0\0,1\n", 2, 2)]
    public void ANulCharacterInACellIsRejected(string text, int column, int line = 1)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("nul.csv", text);

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path));

        Assert.Contains($"{path}, line {line}, column {column}:", exception.Message);
        Assert.Contains("NUL", exception.Message);
    }

    [Theory]
    [InlineData(0.5)]     // cut inside the compressed data, mid-line
    [InlineData(0.999)]   // cut inside the trailer that checks the data
    public void ACompressedFileCutShortIsReportedAsTruncated(double keep)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
            text.Append(i).Append(',').Append(i * 7 % 13).Append(',').Append(i % 3).Append('\n');
        byte[] compressed = GzipBomb.Compress(Encoding.ASCII.GetBytes(text.ToString()));
        using var directory = new TemporaryDirectory();
        string path = directory.Write("cut.csv.gz", IdxBytes.Take(compressed, Math.Min((int)(compressed.Length * keep), compressed.Length - 1)));

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("truncated", exception.Message);
    }
}
