using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class FashionMnistTests
{
    private const string Installed = InstalledFashionMnistFactAttribute.Directory;

    /// <summary>
    /// CI installs Debian's package and requires it (NETGEN_REQUIRE_DATASETS=1): there a missing
    /// directory fails here, loudly, rather than passing without having read a byte.
    /// </summary>
    private static void RequireInstalledFiles()
    {
        Assert.True(Directory.Exists(Installed),
            $"Fashion-MNIST is not installed: {Installed} does not exist. Install it with 'sudo apt-get install dataset-fashion-mnist'.");
    }

    [Fact]
    public void DefaultDirectoryIsDebians()
    {
        Assert.Equal(Installed, Datasets.DefaultFashionMnistDirectory);
    }

    [InstalledFashionMnistFact]
    public void TrainingSetHolds60000ImagesOf28By28With6000OfEachClass()
    {
        RequireInstalledFiles();

        Dataset<float> training = Datasets.FashionMnist<float>();

        Assert.Equal(60_000, training.Count);
        Assert.Equal(28 * 28, training.FeatureCount);
        int[] perClass = Enumerable.Range(0, 10).Select(c => training.Labels!.Count(label => label == c)).ToArray();
        Assert.Equal(Enumerable.Repeat(6_000, 10), perClass);
        Assert.All(training.Labels!, label => Assert.InRange(label, 0, 9));
        Assert.Equal(0f, training.Features.Min());
        Assert.Equal(1f, training.Features.Max());
    }

    [InstalledFashionMnistFact]
    public void TestSetHolds10000ImagesOf28By28With1000OfEachClass()
    {
        RequireInstalledFiles();

        Dataset<float> test = Datasets.FashionMnist<float>(Installed, training: false);

        Assert.Equal(10_000, test.Count);
        Assert.Equal(784, test.FeatureCount);
        Assert.Equal(Enumerable.Repeat(1_000, 10), Enumerable.Range(0, 10).Select(c => test.Labels!.Count(label => label == c)));
    }

    [InstalledFashionMnistFact]
    public void FirstTrainingSampleMatchesTheRawFiles()
    {
        RequireInstalledFiles();
        // Read the packaged files plainly: skip the 16- and 8-byte headers, take the bytes.
        byte[] images = Decompress(Path.Combine(Installed, "train-images-idx3-ubyte.gz"));
        byte[] labels = Decompress(Path.Combine(Installed, "train-labels-idx1-ubyte.gz"));

        Dataset<double> training = Datasets.FashionMnist<double>();

        Assert.Equal(16 + 60_000 * 784, images.Length);
        Assert.Equal(labels.Skip(8).Take(100).Select(b => (int)b), training.Labels!.Take(100));
        Assert.Equal(images.Skip(16).Take(784).Select(p => p / 255.0), training.FeaturesOf(0).ToArray());
        Assert.Equal(images.Skip(16 + 59_999 * 784).Take(784).Select(p => p / 255.0), training.FeaturesOf(59_999).ToArray());
        // Zalando's first training image is an ankle boot.
        Assert.Equal(9, training.Labels![0]);
    }

    [Fact]
    public void MissingFilesSayHowToGetThem()
    {
        using var directory = new TemporaryDirectory();

        var exception = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist<float>(directory.Path));

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", exception.Message);
        Assert.Contains(directory.Path, exception.Message);
        Assert.Contains("train-images-idx3-ubyte", exception.Message);
        Assert.Contains("pass the directory", exception.Message);
        Assert.Equal(Path.Combine(directory.Path, "train-images-idx3-ubyte.gz"), exception.FileName);
    }

    [Fact]
    public void AMissingDirectoryIsFileNotFoundToo()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "netgen-no-such-directory-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist<float>(nowhere, training: false));

        Assert.Contains("sudo apt-get install dataset-fashion-mnist", exception.Message);
        Assert.Contains("t10k-images-idx3-ubyte", exception.Message);
    }

    [Fact]
    public void MissingLabelsAreNamedWhenTheImagesAreThere()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("t10k-images-idx3-ubyte.gz", IdxBytes.Images(1, 1, 1, [5]), gzip: true);

        var exception = Assert.Throws<FileNotFoundException>(() => Datasets.FashionMnist<float>(directory.Path, training: false));

        Assert.Contains("t10k-labels-idx1-ubyte", exception.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", exception.Message);
    }

    [Theory]
    [InlineData("train-images-idx3-ubyte", "train-labels-idx1-ubyte", false)]
    [InlineData("train-images.idx3-ubyte", "train-labels.idx1-ubyte", false)]
    [InlineData("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", true)]
    public void ReadsTheUsualFileNames(string imagesName, string labelsName, bool compressed)
    {
        using var directory = new TemporaryDirectory();
        directory.Write(imagesName, IdxBytes.Images(2, 1, 2, [0, 51, 255, 102]), compressed);
        directory.Write(labelsName, IdxBytes.Labels([3, 8]), compressed);

        Dataset<float> data = Datasets.FashionMnist<float>(directory.Path);

        Assert.Equal([0f, 0.2f, 1f, 0.4f], data.Features);
        Assert.Equal([3, 8], data.Labels!);
    }

    [Fact]
    public void ClassNamesAreZalandos()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            Datasets.FashionMnistClassNames);
    }

    private static byte[] Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
