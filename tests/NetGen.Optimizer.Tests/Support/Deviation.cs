using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace NetGen.Optimizer.Tests.Support;

/// <summary>Element-wise comparison with PyTorch's numbers.</summary>
public static class Deviation
{
    /// <summary>
    /// The largest <c>|actual − expected| / (|expected| + floor·max|expected|)</c>. The floor keeps an
    /// element that happens to sit near zero from turning an absolute rounding error of the size of
    /// its neighbours into a large relative one.
    /// </summary>
    public static double MaxRelative(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double floor = 1e-3)
    {
        if (actual.Length != expected.Length)
            throw new XunitException($"{actual.Length} values where the reference has {expected.Length}.");
        double largest = 0;
        foreach (double e in expected)
            largest = Math.Max(largest, Math.Abs(e));
        double worst = 0;
        for (int k = 0; k < actual.Length; k++)
        {
            double scale = Math.Abs(expected[k]) + floor * largest;
            double d = actual[k] == expected[k] ? 0 : Math.Abs(actual[k] - expected[k]) / scale;
            worst = double.IsNaN(d) ? double.PositiveInfinity : Math.Max(worst, d);
        }
        return worst;
    }

    /// <summary>Fails, listing the worst elements, when <see cref="MaxRelative"/> exceeds <paramref name="tolerance"/>.</summary>
    public static void AssertClose(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double tolerance, string what, double floor = 1e-3)
    {
        double worst = MaxRelative(actual, expected, floor);
        if (worst <= tolerance)
            return;
        double largest = 0;
        foreach (double e in expected)
            largest = Math.Max(largest, Math.Abs(e));
        var lines = new List<(double Score, string Text)>();
        for (int k = 0; k < actual.Length; k++)
        {
            double d = Math.Abs(actual[k] - expected[k]) / (Math.Abs(expected[k]) + floor * largest);
            if (!(d <= tolerance))
                lines.Add((double.IsNaN(d) ? double.PositiveInfinity : d,
                    $"[{k}] {actual[k]:R}, PyTorch {expected[k]:R}, relative deviation {d:E2}"));
        }
        throw new XunitException($"{what}: {lines.Count} of {actual.Length} values deviate by more than {tolerance:E1} "
            + $"(worst {worst:E2}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines.OrderByDescending(l => l.Score).Take(10).Select(l => l.Text)));
    }
}
