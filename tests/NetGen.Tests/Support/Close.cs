using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Sdk;

namespace NetGen.Tests.Support;

/// <summary>Comparisons of computed values with a reference, with a relative tolerance.</summary>
public static class Close
{
    /// <summary>
    /// Asserts <c>|actual − expected| ≤ relative·(|expected| + floor·max|expected|)</c> for every
    /// element. The floor, a fraction of the largest expected magnitude, is there for elements that
    /// cancel to near zero: their rounding error is that of the large terms they were summed from.
    /// </summary>
    public static void Elements(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double relative, string what, double floor = 1e-2)
    {
        if (actual.Length != expected.Length)
            throw new XunitException($"{what}: {actual.Length} values where the reference has {expected.Length}.");
        double largest = 0;
        foreach (double e in expected)
            largest = Math.Max(largest, Math.Abs(e));
        var failures = new List<string>();
        for (int k = 0; k < actual.Length; k++)
        {
            double tolerance = relative * (Math.Abs(expected[k]) + floor * largest);
            if (!(Math.Abs(actual[k] - expected[k]) <= tolerance))
                failures.Add($"[{k}] {actual[k]:R}, reference {expected[k]:R}, difference {Math.Abs(actual[k] - expected[k]):E2} > {tolerance:E2}");
        }
        if (failures.Count > 0)
            throw new XunitException($"{what}: {failures.Count} of {actual.Length} values differ from the reference:{Environment.NewLine}"
                + string.Join(Environment.NewLine, failures.Take(12)));
    }

    /// <summary>Asserts <c>|actual − expected| ≤ relative·|expected| + absolute</c>.</summary>
    public static void Value(double actual, double expected, double relative, string what, double absolute = 0)
    {
        if (!(Math.Abs(actual - expected) <= relative * Math.Abs(expected) + absolute))
            throw new XunitException($"{what}: {actual:R}, reference {expected:R} (relative tolerance {relative:E1}).");
    }

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
            result[k] = values[k];
        return result;
    }

    public static float[] ToFloat(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int k = 0; k < values.Length; k++)
            result[k] = (float)values[k];
        return result;
    }
}
