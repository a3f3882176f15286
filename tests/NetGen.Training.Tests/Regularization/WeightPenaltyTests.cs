using System;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Regularization;

/// <summary>L1 and L2 add λ₁Σ|w| + λ₂Σw² over the weights (not the biases) to the loss, and λ₁·sign(w) + 2λ₂·w to their gradients.</summary>
public sealed class WeightPenaltyTests
{
    private const double L1 = 0.01, L2 = 0.02;

    [Fact]
    public void Penalty_adds_to_the_loss_and_to_the_weight_gradients_only()
    {
        var random = new SeededRandom(5);
        var parameters = new double[PlainNet.ParameterCount];
        for (int k = 0; k < parameters.Length; k++)
            parameters[k] = random.NextNormal();
        double[] inputs = [0.5, -1, 2, 1, 0.25, -0.5];
        double[] targets = [1, 0, -1, 0.5];
        var plain = new PlainNet();
        var penalized = new PenalizedNet();
        plain.ImportParameters(parameters);
        penalized.ImportParameters(parameters);

        double plainLoss = plain.ComputeGradients(inputs, targets);
        double penalizedLoss = penalized.ComputeGradients(inputs, targets);
        var plainGradients = new double[PlainNet.ParameterCount];
        var penalizedGradients = new double[PenalizedNet.ParameterCount];
        plain.ExportGradients(plainGradients);
        penalized.ExportGradients(penalizedGradients);

        // Canonical order: W1 [4, 3] at 0..11, b1 at 12..15, W2 [2, 4] at 16..23, b2 at 24..25.
        int[] weights = [.. System.Linq.Enumerable.Range(0, 12), .. System.Linq.Enumerable.Range(16, 8)];
        double penalty = 0;
        foreach (int k in weights)
            penalty += L1 * Math.Abs(parameters[k]) + L2 * parameters[k] * parameters[k];
        Assert.Equal(plainLoss + penalty, penalizedLoss, 12);
        for (int k = 0; k < parameters.Length; k++)
        {
            bool isWeight = Array.IndexOf(weights, k) >= 0;
            double expected = plainGradients[k] + (isWeight ? L1 * Math.Sign(parameters[k]) + 2 * L2 * parameters[k] : 0);
            Assert.Equal(expected, penalizedGradients[k], 12);
        }
    }
}
