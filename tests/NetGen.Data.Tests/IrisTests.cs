using System;
using System.Linq;
using NetGen.Data.Tests.Support;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class IrisTests
{
    [Fact]
    public void Holds150SamplesOf4Features()
    {
        Dataset<double> iris = Datasets.Iris<double>();

        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.FeatureCount);
    }

    [Fact]
    public void HoldsFiftyOfEachClassInLabelOrder()
    {
        int[] labels = Datasets.Iris<float>().Labels!;

        Assert.Equal(Enumerable.Repeat(0, 50).Concat(Enumerable.Repeat(1, 50)).Concat(Enumerable.Repeat(2, 50)), labels);
    }

    [Fact]
    public void ClassNamesAreFishersSpecies()
    {
        Assert.Equal(["setosa", "versicolor", "virginica"], Datasets.IrisClassNames);
    }

    [Fact]
    public void ClassNamesCannotBeChangedThroughACast()
    {
        Assert.False(Datasets.IrisClassNames is string[]);
    }

    [Fact]
    public void KnownRowsHaveTheirMeasurements()
    {
        Dataset<float> iris = Datasets.Iris<float>();

        // Fisher's first setosa and last virginica, as every copy of the data set lists them.
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.FeaturesOf(0).ToArray());
        Assert.Equal(0, iris.Labels![0]);
        Assert.Equal([5.9f, 3.0f, 5.1f, 1.8f], iris.FeaturesOf(149).ToArray());
        Assert.Equal(2, iris.Labels![149]);
    }

    [Fact]
    public void ColumnMeansAreTheWellKnownOnes()
    {
        Dataset<double> iris = Datasets.Iris<double>();

        // scikit-learn's DESCR: 5.84, 3.06 (3.057 in its corrected copy), 3.76, 1.20.
        double[] expected = [876.5 / 150, 458.6 / 150, 563.7 / 150, 179.9 / 150];
        for (int j = 0; j < 4; j++)
        {
            double mean = Enumerable.Range(0, 150).Average(i => iris.FeaturesOf(i)[j]);
            Assert.Equal(expected[j], mean, 1e-9);
        }
    }

    [Fact]
    public void EveryRowMatchesTheRawFile()
    {
        var lines = ReferenceFiles.Lines("iris.csv");
        Dataset<double> iris = Datasets.Iris<double>();

        Assert.Equal("150,4,setosa,versicolor,virginica", lines[0]);
        Assert.Equal(lines.Count - 1, iris.Count);
        for (int i = 1; i < lines.Count; i++)
        {
            double[] raw = ReferenceFiles.Numbers(lines[i]);
            Assert.Equal(raw[..4], iris.FeaturesOf(i - 1).ToArray());
            Assert.Equal((int)raw[4], iris.Labels![i - 1]);
        }
    }
}
