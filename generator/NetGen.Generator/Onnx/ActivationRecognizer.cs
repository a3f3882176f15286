using System;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Names the activation a function is, from its values at <see cref="Probes"/>: each of NetGen's elementwise
/// activations is compared with it, and LeakyReLU takes its slope from the value at −1. Two distinct activations
/// differ by far more than <see cref="Tolerance"/> at some probe (GELU and its tanh form, the closest pair, by
/// about 2e-4 near ±2), while one activation spelt by another exporter, with float constants, stays within it.
/// </summary>
internal static class ActivationRecognizer
{
    /// <summary>Points on both sides of 0, into both tails, and −1, where a leaky slope reads directly.</summary>
    public static readonly double[] Probes = [-7, -4.5, -3, -2.25, -1.5, -1, -0.75, -0.3, -0.05, 0, 0.05, 0.3, 0.75, 1, 1.5, 2.25, 3, 4.5, 7];

    /// <summary>How far a value may be from the activation's, relative to the larger of 1 and its magnitude.</summary>
    private const double Tolerance = 1e-6;

    private static readonly (ActivationKind Kind, Func<double, double> Function)[] Candidates =
    [
        (ActivationKind.Identity, x => x),
        (ActivationKind.ReLU, x => Math.Max(x, 0)),
        (ActivationKind.Sigmoid, ElementwiseOperators.Sigmoid),
        (ActivationKind.Tanh, Math.Tanh),
        (ActivationKind.ELU, x => x > 0 ? x : Math.Exp(x) - 1),
        (ActivationKind.Softplus, ElementwiseOperators.Softplus),
        (ActivationKind.GELU, x => 0.5 * x * (1 + ElementwiseOperators.Erf(x / Math.Sqrt(2)))),
        (ActivationKind.GELUTanh, x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
        (ActivationKind.SiLU, x => x * ElementwiseOperators.Sigmoid(x)),
        (ActivationKind.Mish, x => x * Math.Tanh(ElementwiseOperators.Softplus(x))),
    ];

    /// <summary>The activation whose values at <see cref="Probes"/> are <paramref name="values"/>, with its argument, or null.</summary>
    public static (ActivationKind Kind, double Argument)? Recognize(double[] values)
    {
        foreach (var (kind, function) in Candidates)
            if (Matches(values, function))
                return (kind, 0);
        double slope = -values[Array.IndexOf(Probes, -1.0)];
        if (slope > 0 && !double.IsInfinity(slope) && Matches(values, x => x < 0 ? slope * x : x))
            return (ActivationKind.LeakyReLU, Shortest(slope));
        return null;
    }

    /// <summary>The function's values at −1 and 1, for a message about a function that is no activation.</summary>
    public static string Describe(double[] values) =>
        string.Join(", ", new[] { -1.0, 1.0 }.Select(x => $"at {x.ToString("0", CultureInfo.InvariantCulture)} it gives {values[Array.IndexOf(Probes, x)].ToString("G6", CultureInfo.InvariantCulture)}"));

    private static bool Matches(double[] values, Func<double, double> function)
    {
        for (int i = 0; i < Probes.Length; i++)
        {
            double expected = function(Probes[i]);
            if (!(Math.Abs(values[i] - expected) <= Tolerance * Math.Max(1, Math.Abs(expected))))
                return false;
        }
        return true;
    }

    /// <summary>
    /// An ONNX attribute holds a float, so a slope written 0.2 in PyTorch arrives as 0.2f; the shortest decimal that
    /// rounds to that float (0.2) is what the user wrote, and what a double network should compute with.
    /// </summary>
    private static double Shortest(double slope) =>
        (double)(float)slope == slope
            ? double.Parse(((float)slope).ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : slope;
}
