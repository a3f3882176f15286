using System;
using System.Linq;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class StandardizationTests
{
    // Column 0: 1, 2, 3, 4 (mean 2.5, population σ = √1.25); column 1: constant 10; column 2: −2, 0, 2, 4 (mean 1, σ = √5).
    private static Dataset<double> Training() => new(
        [
            1, 10, -2,
            2, 10, 0,
            3, 10, 2,
            4, 10, 4,
        ], 3, [0, 1, 0, 1]);

    [Fact]
    public void FitMeasuresMeanAndPopulationStandardDeviation()
    {
        var scaler = Standardization<double>.Fit(Training());

        Assert.Equal(3, scaler.FeatureCount);
        Assert.Equal([2.5, 10, 1], scaler.Mean.ToArray());
        Assert.Equal(Math.Sqrt(1.25), scaler.StandardDeviation[0], 1e-15);
        Assert.Equal(0.0, scaler.StandardDeviation[1]);
        Assert.Equal(Math.Sqrt(5), scaler.StandardDeviation[2], 1e-15);
    }

    [Fact]
    public void TrainingDataComesOutWithMeanZeroAndDeviationOne()
    {
        Dataset<float> digits = Datasets.Digits<float>();
        var scaler = Standardization<float>.Fit(digits);

        Dataset<float> scaled = scaler.Apply(digits);

        for (int j = 0; j < digits.FeatureCount; j++)
        {
            double[] column = Enumerable.Range(0, scaled.Count).Select(i => (double)scaled.FeaturesOf(i)[j]).ToArray();
            double mean = column.Average();
            double deviation = Math.Sqrt(column.Average(x => (x - mean) * (x - mean)));
            bool constant = Enumerable.Range(0, digits.Count).All(i => digits.FeaturesOf(i)[j] == digits.FeaturesOf(0)[j]);
            Assert.Equal(0.0, mean, 1e-5);
            Assert.Equal(constant ? 0.0 : 1.0, deviation, 1e-4);
        }
    }

    [Fact]
    public void DigitsHaveConstantPixelsThatBecomeZero()
    {
        Dataset<float> digits = Datasets.Digits<float>();
        var scaler = Standardization<float>.Fit(digits);

        Dataset<float> scaled = scaler.Apply(digits);

        // The top-left pixel is blank in every one of the 1,797 digits.
        Assert.Equal(0f, scaler.StandardDeviation[0]);
        Assert.All(Enumerable.Range(0, scaled.Count), i => Assert.Equal(0f, scaled.FeaturesOf(i)[0]));
        Assert.DoesNotContain(scaled.Features, float.IsNaN);
    }

    [Fact]
    public void OtherDataIsScaledWithTheTrainingStatistics()
    {
        var scaler = Standardization<double>.Fit(Training());
        var test = new Dataset<double>([5, 10, 1, 2.5, 7, 6], 3, [1, 0]);

        Dataset<double> scaled = scaler.Apply(test);

        double[] expected =
        [
            (5 - 2.5) / Math.Sqrt(1.25), 0, 0,
            0, (7 - 10) / 1.0, (6 - 1) / Math.Sqrt(5),
        ];
        Assert.Equal(expected.Length, scaled.Features.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], scaled.Features[i], 1e-12);
        Assert.Equal([1, 0], scaled.Labels!);
    }

    [Fact]
    public void AConstantFeatureWhoseMeanRoundsIsExactlyZero()
    {
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary: a mean from the sum would miss 0.1 by an ulp.
        var data = new Dataset<double>([0.1, 1, 0.1, 2, 0.1, 3], 2, [0, 0, 0]);

        Dataset<double> scaled = Standardization<double>.Fit(data).Apply(data);

        Assert.Equal([0.0, 0.0, 0.0], Enumerable.Range(0, 3).Select(i => scaled.FeaturesOf(i)[0]));
    }

    [Fact]
    public void ApplyingLeavesTheSourceUnchangedAndCopiesLabels()
    {
        Dataset<double> training = Training();
        double[] before = (double[])training.Features.Clone();

        Dataset<double> scaled = Standardization<double>.Fit(training).Apply(training);
        scaled.Labels![0] = 9;

        Assert.Equal(before, training.Features);
        Assert.Equal(0, training.Labels![0]);
    }

    [Fact]
    public void TargetsAreCarriedOver()
    {
        var regression = new Dataset<float>([1, 2, 3, 4], 2, [10f, 11f, 20f, 21f], 2);

        Dataset<float> scaled = Standardization<float>.Fit(regression).Apply(regression);

        Assert.Equal(2, scaled.TargetCount);
        Assert.Equal([10f, 11f, 20f, 21f], scaled.Targets!);
        Assert.Equal([-1f, -1f, 1f, 1f], scaled.Features);
    }

    [Fact]
    public void ADataSetWithAnotherFeatureCountIsRejectedNamingTheExpectedCount()
    {
        var scaler = Standardization<double>.Fit(Training());
        var wrong = new Dataset<double>([1, 2, 3, 4], 2, [0, 1]);

        var exception = Assert.Throws<ArgumentException>(() => scaler.Apply(wrong));

        Assert.Contains("expected 3", exception.Message);
        Assert.Contains("2 features", exception.Message);
    }

    [Fact]
    public void SpansAreStandardizedInPlace()
    {
        var scaler = Standardization<double>.Fit(Training());
        double[] sample = [4, 10, 1];

        scaler.Apply(sample, sample);

        Assert.Equal(1.5 / Math.Sqrt(1.25), sample[0], 1e-12);
        Assert.Equal(0.0, sample[1]);
        Assert.Equal(0.0, sample[2]);
    }

    [Fact]
    public void ASpanOfPartialRowsIsRejected()
    {
        var scaler = Standardization<double>.Fit(Training());

        var exception = Assert.Throws<ArgumentException>(() => scaler.Apply(new double[4], new double[4]));

        Assert.Contains("3", exception.Message);
    }

    [Fact]
    public void KnownStatisticsCanBeRestored()
    {
        var original = Standardization<double>.Fit(Training());
        var restored = new Standardization<double>(original.Mean, original.StandardDeviation);

        Assert.Equal(original.Apply(Training()).Features, restored.Apply(Training()).Features);
    }

    [Fact]
    public void AnEmptyTrainingSetIsRejected()
    {
        var empty = new Dataset<float>([], 2, []);

        Assert.Throws<ArgumentException>(() => Standardization<float>.Fit(empty));
    }
}
