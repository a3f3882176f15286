using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Every activation NetGen has against PyTorch's own numbers (Data/activation_expectations.json, from
/// Data/make_activation_expectations.py with PyTorch 1.13): f(x) and f′(x) on 313 points from −30 to
/// 30, in float and double. Every activation struct in the runtime must have its cases there.
/// </summary>
public sealed class PyTorchActivationParityTests
{
    private static readonly Expectation[] s_cases = Load();

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int index = 0; index < s_cases.Length; index++)
        {
            if (StructOf(s_cases[index].Activation) is not null)
                data.Add(index);
        }
        return data;
    }

    [Fact]
    public void Every_activation_in_the_runtime_has_PyTorch_cases()
    {
        foreach (string name in ActivationStructs.ByName.Keys)
        {
            Assert.True(s_cases.Any(c => c.Activation == name), $"{name} has no case in activation_expectations.json: add it to make_activation_expectations.py and rerun it.");
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Float_matches_PyTorch(int index) => Run(index, typeof(float));

    [Theory, MemberData(nameof(Cases))]
    public void Double_matches_PyTorch(int index) => Run(index, typeof(double));

    private static void Run(int index, Type t)
    {
        Expectation expectation = s_cases[index];
        typeof(PyTorchActivationParityTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t, StructOf(expectation.Activation)!.MakeGenericType(t))
            .Invoke(null, [expectation]);
    }

    private static void Check<T, TActivation>(Expectation expectation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        Points points = typeof(T) == typeof(float) ? expectation.Float32 : expectation.Float64;
        T argument = T.CreateChecked(expectation.Argument ?? 0);
        double worstValue = 0, worstDerivative = 0;
        string worstAt = "";
        for (int k = 0; k < points.X.Length; k++)
        {
            T x = T.CreateChecked(points.X[k]);
            T y = TActivation.Forward(x, argument);
            T dydx = TActivation.Backward(x, y, T.One, argument);

            double valueError = Units<T>(double.CreateChecked(y), points.Y[k]);
            double derivativeError = Units<T>(double.CreateChecked(dydx), points.DyDx[k]);
            if (valueError > worstValue || derivativeError > worstDerivative)
                worstAt = $"x = {points.X[k]}: y {y} against {points.Y[k]}, f′ {dydx} against {points.DyDx[k]}";
            worstValue = Math.Max(worstValue, valueError);
            worstDerivative = Math.Max(worstDerivative, derivativeError);
        }

        Assert.True(worstValue <= ValueBound && worstDerivative <= DerivativeBound,
            $"{expectation.Activation}{(expectation.Argument is null ? "" : $"({expectation.Argument})")} in {typeof(T).Name}: "
            + $"{worstValue:F1} units off PyTorch in f, {worstDerivative:F1} in f′ (bounds {ValueBound}, {DerivativeBound}); worst at {worstAt}");
    }

    // Each implementation rounds its own way (PyTorch's vectorized math on one side, FastMath on the
    // other, both within about an ulp), so they may differ by a few units of T's precision. Measured:
    // at most 1 unit in f for every activation but GELU in float (2.1, PyTorch's float erf against our
    // erfc), and in f′ 1.1 for the older five, 1.8 for GELU and 4 for Mish; SiLU's and GELUTanh's
    // derivatives reach 14 and 20 units in double, since both sides form 1 − σ, which cancels where σ
    // nears 1 and leaves each with its own few units of error.
    private const double ValueBound = 4, DerivativeBound = 32;

    /// <summary>
    /// The difference in units of T's precision at the larger of the two values' magnitudes, and at
    /// least 1: near a zero crossing a difference of a few ε, not a few ulps of a tiny number, is what
    /// both sides can promise.
    /// </summary>
    private static double Units<T>(double ours, double theirs) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (ours == theirs)
            return 0;
        double epsilon = typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);
        return Math.Abs(ours - theirs) / (epsilon * Math.Max(1, Math.Max(Math.Abs(ours), Math.Abs(theirs))));
    }

    private static Type? StructOf(string activation) => ActivationStructs.ByName.GetValueOrDefault(activation);

    private sealed record Points(double[] X, double[] Y, double[] DyDx);

    private sealed record Expectation(string Activation, double? Argument, Points Float32, Points Float64);

    private static Expectation[] Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "activation_expectations.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<Expectation>();
        foreach (JsonElement element in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            JsonElement argument = element.GetProperty("argument");
            cases.Add(new Expectation(
                element.GetProperty("activation").GetString()!,
                argument.ValueKind == JsonValueKind.Null ? null : argument.GetDouble(),
                Read(element.GetProperty("float32")),
                Read(element.GetProperty("float64"))));
        }
        return cases.ToArray();

        static Points Read(JsonElement points) => new(Numbers(points, "x"), Numbers(points, "y"), Numbers(points, "dydx"));

        static double[] Numbers(JsonElement points, string name) =>
            points.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }
}
