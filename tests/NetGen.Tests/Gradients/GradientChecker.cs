using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace NetGen.Tests.Gradients;

/// <summary>
/// Checks a network's gradient against central finite differences of its own loss:
/// <c>∂L/∂pₖ ≈ (L(p + h·eₖ) − L(p − h·eₖ)) / 2h</c>, parameter by parameter, in the canonical order.
/// </summary>
public static class GradientChecker
{
    /// <summary>The step; with double losses of order 1, the truncation error h² and the rounding error ε/h are both about 1e-10.</summary>
    public const double Step = 1e-6;

    /// <summary>The relative tolerance on each partial derivative.</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>The absolute floor, for derivatives near zero where only the rounding error of the difference is left.</summary>
    public const double AbsoluteTolerance = 1e-8;

    /// <summary>
    /// Asserts that the gradient <paramref name="computeLoss"/> leaves in the network (read with
    /// ExportGradients) is the derivative of the loss it returns. <paramref name="computeLoss"/> must
    /// call one of the network's ComputeGradients overloads on a fixed batch.
    /// </summary>
    public static void AssertGradientMatchesFiniteDifferences(INetwork<double> network, Func<INetwork<double>, double> computeLoss)
    {
        int count = network.ParameterCount;
        var parameters = new double[count];
        network.ExportParameters(parameters);
        computeLoss(network);
        var analytic = new double[count];
        network.ExportGradients(analytic);

        var probe = (double[])parameters.Clone();
        var failures = new List<string>();
        for (int k = 0; k < count; k++)
        {
            double plus = parameters[k] + Step, minus = parameters[k] - Step;
            probe[k] = plus;
            network.ImportParameters(probe);
            double lossPlus = computeLoss(network);
            probe[k] = minus;
            network.ImportParameters(probe);
            double lossMinus = computeLoss(network);
            probe[k] = parameters[k];
            // The step actually taken, after rounding p ± h, not the nominal 2h.
            double numeric = (lossPlus - lossMinus) / (plus - minus);
            double tolerance = RelativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic[k])) + AbsoluteTolerance;
            if (!(Math.Abs(numeric - analytic[k]) <= tolerance))
                failures.Add($"parameter {k}: ExportGradients gives {analytic[k]:R}, finite differences {numeric:R}");
        }
        network.ImportParameters(parameters);

        if (failures.Count > 0)
            throw new XunitException(
                $"{failures.Count} of {count} partial derivatives disagree with finite differences (h = {Step}):{Environment.NewLine}"
                + string.Join(Environment.NewLine, failures.Take(12)));
    }
}
