using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class DigitsTests
{
    [Fact]
    public void Holds1797SamplesOf64Pixels()
    {
        Dataset<float> digits = Datasets.Digits<float>();

        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.FeatureCount);
        Assert.Equal(1797 * 64, digits.Features.Length);
        Assert.NotNull(digits.Labels);
        Assert.Null(digits.Targets);
    }

    [Fact]
    public void LabelHistogramIsScikitLearns()
    {
        // np.bincount(sklearn.datasets.load_digits().target)
        int[] expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

        int[] labels = Datasets.Digits<double>().Labels!;

        Assert.All(labels, label => Assert.InRange(label, 0, 9));
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(digit => labels.Count(label => label == digit)).ToArray());
    }

    [Fact]
    public void FirstTenLabelsAreTheDigitsInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 10), Datasets.Digits<float>().Labels!.Take(10));
    }

    [Fact]
    public void FirstRowMatchesTheRawFile()
    {
        double[] raw = ReferenceFiles.Numbers(ReferenceFiles.Lines("digits.csv.gz")[0]);

        Dataset<double> digits = Datasets.Digits<double>();

        Assert.Equal(65, raw.Length);
        Assert.Equal(raw[..64], digits.FeaturesOf(0).ToArray());
        Assert.Equal((int)raw[64], digits.Labels![0]);
        // The first digit is a zero whose top-left pixels are blank: a check that does not lean on the file at all.
        Assert.Equal([0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0], digits.FeaturesOf(0)[..8].ToArray());
    }

    [Fact]
    public void EveryRowMatchesTheRawFile()
    {
        List<string> lines = ReferenceFiles.Lines("digits.csv.gz");
        Dataset<float> digits = Datasets.Digits<float>();

        Assert.Equal(lines.Count, digits.Count);
        for (int i = 0; i < lines.Count; i++)
        {
            double[] raw = ReferenceFiles.Numbers(lines[i]);
            Assert.Equal(raw[..64].Select(value => (float)value), digits.FeaturesOf(i).ToArray());
            Assert.Equal((int)raw[64], digits.Labels![i]);
        }
    }

    [Fact]
    public void FeaturesAreWholeNumbersFrom0To16()
    {
        float[] features = Datasets.Digits<float>().Features;

        Assert.All(features, value => Assert.True(value >= 0 && value <= 16 && value == MathF.Floor(value), $"pixel value {value}"));
        Assert.Equal(16f, features.Max());
    }

    [Fact]
    public void EachCallReturnsItsOwnCopy()
    {
        Dataset<float> first = Datasets.Digits<float>();
        first.Features[2] = -1;
        first.Labels![0] = 7;

        Dataset<float> second = Datasets.Digits<float>();

        Assert.Equal(5f, second.Features[2]);
        Assert.Equal(0, second.Labels![0]);
    }
}
