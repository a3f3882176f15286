using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The input gradient from transposed weights, against plain loops over every width the product kernel splits into.</summary>
public sealed class TransposedBackwardInputTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(33)]
    public void Matches_the_definition_for_every_input_width(int batch)
    {
        var random = new SeededRandom(batch);
        foreach (int outSize in new[] { 1, 3, 10 })
        {
            for (int inSize = 1; inSize <= 3 * 16 + 3; inSize++)
            {
                double[] dz = Draw(random, batch * outSize), w = Draw(random, inSize * outSize);
                var transposed = new double[w.Length];
                NetGen.Kernels.Layout.Transpose<double>(w, transposed, inSize, outSize);
                var dx = new double[batch * inSize];
                Array.Fill(dx, double.NaN);

                Dense.BackwardInputTransposed<double>(dz, transposed, dx, batch, inSize, outSize);

                for (int s = 0; s < batch; s++)
                {
                    for (int i = 0; i < inSize; i++)
                    {
                        double expected = 0;
                        for (int o = 0; o < outSize; o++)
                            expected += dz[s * outSize + o] * w[i * outSize + o];
                        Assert.True(Math.Abs(expected - dx[s * inSize + i]) <= 1e-12 * (1 + Math.Abs(expected)),
                            $"batch {batch}, in {inSize}, out {outSize}, dx[{s}, {i}] = {dx[s * inSize + i]}, expected {expected}");
                    }
                }
            }
        }
    }

    private static double[] Draw(SeededRandom random, int count)
    {
        var values = new double[count];
        for (int k = 0; k < count; k++)
            values[k] = random.NextNormal();
        return values;
    }
}
