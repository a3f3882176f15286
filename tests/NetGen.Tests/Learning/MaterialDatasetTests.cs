using System;
using Xunit;

namespace NetGen.Tests.Learning;

/// <summary>
/// The learning tests lean on the material's data sets, so the data sets are checked against their
/// definitions first: the truth tables row by row, the spiral by its radii, angles and labels.
/// </summary>
public class MaterialDatasetTests
{
    [Theory]
    [InlineData("And", new[] { 0, 0, 0, 1 })]
    [InlineData("Or", new[] { 0, 1, 1, 1 })]
    [InlineData("Xor", new[] { 0, 1, 1, 0 })]
    public void TruthTableHasTheFourRowsInOrder(string function, int[] labels)
    {
        Dataset<double> table = function switch
        {
            "And" => Datasets.And<double>(),
            "Or" => Datasets.Or<double>(),
            _ => Datasets.Xor<double>(),
        };

        Assert.Equal(4, table.Count);
        Assert.Equal(2, table.FeatureCount);
        Assert.Equal([0.0, 0, 0, 1, 1, 0, 1, 1], table.Features);
        Assert.Equal(labels, table.Labels);
    }

    /// <summary>
    /// Point i of class c sits at radius i/N, at angle 4c + 4i/N plus noise (0.2·n, n a standard
    /// normal, so within 1.2 of it in all but a few in a million points); classes come in order.
    /// </summary>
    [Fact]
    public void SpiralPointsLieOnTheirArms()
    {
        const int N = 100;
        Dataset<double> spiral = Datasets.Spiral<double>(N, classes: 3, noise: 0.2, seed: 1);

        Assert.Equal(300, spiral.Count);
        Assert.Equal(2, spiral.FeatureCount);
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < N; i++)
            {
                int sample = c * N + i;
                Assert.Equal(c, spiral.Labels![sample]);
                double x = spiral.Features[2 * sample], y = spiral.Features[2 * sample + 1];
                double radius = (double)i / N;
                Assert.Equal(radius, Math.Sqrt(x * x + y * y), 1e-12);
                if (i == 0)
                    continue;
                // (r·sin θ, r·cos θ): θ = atan2(x, y), compared modulo 2π with the arm's noiseless angle.
                double angle = Math.Atan2(x, y), arm = 4.0 * c + 4.0 * i / N;
                double offset = Math.IEEERemainder(angle - arm, 2 * Math.PI);
                Assert.InRange(Math.Abs(offset), 0, 1.2);
            }
        }
    }

    [Fact]
    public void SpiralIsDeterminedBySeed()
    {
        Assert.Equal(Datasets.Spiral<float>(seed: 4).Features, Datasets.Spiral<float>(seed: 4).Features);
        Assert.NotEqual(Datasets.Spiral<float>(seed: 4).Features, Datasets.Spiral<float>(seed: 5).Features);
    }
}
