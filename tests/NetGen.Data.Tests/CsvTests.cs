using System;
using System.Globalization;
using System.IO;
using System.Text;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class CsvTests
{
    [Fact]
    public void LastColumnIsTheLabelByDefault()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("plain.csv", "1.5,2,0\n-3,4e-1,2\n0.25,-0,1\n");

        Dataset<double> data = Datasets.ReadCsv<double>(path);

        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal([1.5, 2, -3, 0.4, 0.25, 0], data.Features);
        Assert.Equal([0, 2, 1], data.Labels!);
        Assert.Null(data.Targets);
    }

    [Fact]
    public void HeaderSeparatorAndLabelColumnAreHonoured()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("semicolons.csv", "class;width;height\r\n1;0.5;7\r\n0;1.25;8\r\n");

        Dataset<float> data = Datasets.ReadCsv<float>(path, labelColumn: 0, hasHeader: true, separator: ';');

        Assert.Equal(2, data.Count);
        Assert.Equal([0.5f, 7f, 1.25f, 8f], data.Features);
        Assert.Equal([1, 0], data.Labels!);
    }

    [Fact]
    public void NegativeLabelColumnCountsFromTheEnd()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("tabs.tsv", "1\t2\t5\t3\n4\t5\t6\t6\n");

        Dataset<double> data = Datasets.ReadCsv<double>(path, labelColumn: -2, separator: '\t');

        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.Features);
        Assert.Equal([5, 6], data.Labels!);
    }

    [Fact]
    public void BlankLinesAreSkipped()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("gaps.csv", "\n1,0\n\n   \n2,1\n\n");

        Dataset<double> data = Datasets.ReadCsv<double>(path);

        Assert.Equal([1.0, 2.0], data.Features);
        Assert.Equal([0, 1], data.Labels!);
    }

    /// <summary>
    /// Every line break TextReader.ReadLine knows ("\n", "\r\n", a lone "\r"), over enough lines that
    /// some break falls across the end of whatever block the reader reads the text in.
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void EveryLineBreakIsReadAcrossALongFile(string lineBreak)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 6000; i++)
            text.Append(i).Append(',').Append(i % 3).Append(lineBreak);
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("breaks.csv", text.ToString());

        Dataset<double> data = Datasets.ReadCsv<double>(path);

        Assert.Equal(6000, data.Count);
        for (int i = 0; i < 6000; i++)
        {
            Assert.Equal(i, data.Features[i]);
            Assert.Equal(i % 3, data.Labels![i]);
        }
    }

    [Fact]
    public void NumbersAreReadInTheInvariantCulture()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("dots.csv", "1.5,1\n");
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // In German "1.5" would be fifteen and "1,5" one and a half.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal([1.5], Datasets.ReadCsv<double>(path).Features);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TargetColumnsMakeARegressionDataSet()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("regression.csv", "x,t1,y,t2\n1,10,2,20\n3,30,4,40\n");

        Dataset<double> data = Datasets.ReadCsv<double>(path, targetColumns: [3, 1], hasHeader: true);

        Assert.Equal(2, data.FeatureCount);
        Assert.Equal([1.0, 2, 3, 4], data.Features);
        Assert.Equal(2, data.TargetCount);
        Assert.Equal([20.0, 10, 40, 30], data.Targets!);
        Assert.Null(data.Labels);
    }

    [Fact]
    public void CompressedFilesAreRead()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.Write("small.csv.gz", Encoding.UTF8.GetBytes("1,2,1\n3,4,0\n"), gzip: true);

        Dataset<float> data = Datasets.ReadCsv<float>(path);

        Assert.Equal([1f, 2f, 3f, 4f], data.Features);
        Assert.Equal([1, 0], data.Labels!);
    }

    [Theory]
    [InlineData("1,2,0\n\n3,abc,1\n", 3, 2, "'abc' is not a number")]
    [InlineData("1,2,0\n3,4,1.5\n", 2, 3, "'1.5' is not a class label")]
    [InlineData("1,2,0\n3,4,-1\n", 2, 3, "'-1' is not a class label")]
    [InlineData("h1,h2,h3\n1,,0\n", 2, 2, "the cell is empty")]
    [InlineData("1,NaN,0\n", 1, 2, "'NaN' is not a finite number")]
    [InlineData("1,2,0\n1e999,2,0\n", 2, 1, "'1e999' is not a finite number")]
    [InlineData("1,2,0\n3,4,1\n5;6,7,1\n", 3, 1, "'5;6' is not a number")]
    public void ABadCellIsReportedWithLineAndColumn(string text, int line, int column, string problem)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("bad.csv", text);

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path, hasHeader: text.StartsWith('h')));

        Assert.Contains(path, exception.Message);
        Assert.Contains($"line {line}, column {column}:", exception.Message);
        Assert.Contains(problem, exception.Message);
    }

    [Fact]
    public void ALineWithAnotherColumnCountIsReported()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("ragged.csv", "1,2,0\n3,4,1\n5,1\n");

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path));

        Assert.Contains($"{path}, line 3: 2 columns: expected 3", exception.Message);
    }

    [Fact]
    public void AFileWithNoSamplesIsReported()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("empty.csv", "a,b,label\n\n");

        var exception = Assert.Throws<InvalidDataException>(() => Datasets.ReadCsv<double>(path, hasHeader: true));

        Assert.Contains(path, exception.Message);
        Assert.Contains("no samples", exception.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    public void ALabelColumnOutsideTheFileNamesTheColumnCount(int labelColumn)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("three.csv", "1,2,0\n");

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.ReadCsv<double>(path, labelColumn));

        Assert.Equal("labelColumn", exception.ParamName);
        Assert.Contains("3 columns", exception.Message);
    }

    [Fact]
    public void AFileWithOnlyALabelColumnIsRejected()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("labels-only.csv", "0\n1\n");

        var exception = Assert.Throws<ArgumentException>(() => Datasets.ReadCsv<double>(path));

        Assert.Contains("at least one feature column", exception.Message);
    }

    [Fact]
    public void ATargetColumnNamedTwiceIsRejected()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.WriteText("twice.csv", "1,2,3\n");

        Assert.Throws<ArgumentException>(() => Datasets.ReadCsv<double>(path, targetColumns: [2, -1]));
    }
}
