using System.Linq;
using Xunit;

namespace NetGen.Data.Tests;

public sealed class SplitTests
{
    // Sample i has the single feature i and the label i mod 3, so that every sample can be traced.
    private static Dataset<double> Numbered(int count) =>
        new(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), 1, Enumerable.Range(0, count).Select(i => i % 3).ToArray());

    [Theory]
    [InlineData(100, 0.8, 80)]
    [InlineData(10, 0.3, 3)]
    [InlineData(7, 0.0, 0)]
    [InlineData(7, 1.0, 7)]
    public void SizesFollowTheFraction(int count, double fraction, int firstCount)
    {
        var (first, second) = Numbered(count).Split(fraction, seed: 1);

        Assert.Equal(firstCount, first.Count);
        Assert.Equal(count - firstCount, second.Count);
    }

    [Fact]
    public void PartsAreDisjointAndTogetherHoldEverySample()
    {
        var (first, second) = Numbered(100).Split(0.7, seed: 3);

        Assert.Empty(first.Features.Intersect(second.Features));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (double)i), first.Features.Concat(second.Features).Order());
    }

    [Fact]
    public void LabelsTravelWithTheirSamples()
    {
        var (first, second) = Numbered(60).Split(0.5, seed: 5);

        foreach (Dataset<double> part in new[] { first, second })
            Assert.All(Enumerable.Range(0, part.Count), i => Assert.Equal((int)part.Features[i] % 3, part.Labels![i]));
    }

    [Fact]
    public void TargetsTravelWithTheirSamples()
    {
        var data = new Dataset<float>(Enumerable.Range(0, 20).Select(i => (float)i).ToArray(), 1,
            Enumerable.Range(0, 20).SelectMany(i => new[] { i * 10f, -i }).ToArray(), 2);

        var (first, second) = data.Split(0.25, seed: 2);

        foreach (Dataset<float> part in new[] { first, second })
        {
            Assert.Equal(2, part.TargetCount);
            for (int i = 0; i < part.Count; i++)
                Assert.Equal([part.Features[i] * 10f, -part.Features[i]], part.Targets!.Skip(2 * i).Take(2));
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameSplit()
    {
        var (a1, a2) = Numbered(50).Split(0.6, seed: 11);
        var (b1, b2) = Numbered(50).Split(0.6, seed: 11);

        Assert.Equal(a1.Features, b1.Features);
        Assert.Equal(a2.Features, b2.Features);
    }

    [Fact]
    public void AnotherSeedGivesAnotherSplit()
    {
        var (a, _) = Numbered(50).Split(0.6, seed: 11);
        var (b, _) = Numbered(50).Split(0.6, seed: 12);

        Assert.NotEqual(a.Features, b.Features);
    }

    [Fact]
    public void TheSplitIsShuffled()
    {
        var (first, _) = Numbered(50).Split(0.6, seed: 11);

        Assert.NotEqual(Enumerable.Range(0, 30).Select(i => (double)i), first.Features);
    }
}
