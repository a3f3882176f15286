using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Arguments;

/// <summary>
/// Every span a network takes is checked: a length that does not fit throws an ArgumentException
/// whose message names the length that would have fitted, instead of reading or writing out of
/// bounds or silently using part of the span.
/// </summary>
public class SpanLengthValidationTests
{
    /// <summary>A misuse of a network's spans, and the size its error message must name.</summary>
    private sealed record Misuse<T>(Action<INetwork<T>> Call, Func<INetwork<T>, int> ExpectedSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    public static TheoryData<string, string> FloatCases => Cases<float>(nameof(FloatCrossEntropyNet), nameof(FloatBinaryNet), nameof(FloatLinearNet));

    public static TheoryData<string, string> DoubleCases => Cases<double>(nameof(TanhHiddenMseTanhNet), nameof(SigmoidHiddenBinaryNet), nameof(WideDoubleCrossEntropyNet));

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatNetworkRejectsSpanOfWrongLength(string network, string misuse) =>
        AssertRejected(NetworkCatalog.FloatNamed(network).Create(), misuse);

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoubleNetworkRejectsSpanOfWrongLength(string network, string misuse) =>
        AssertRejected(NetworkCatalog.DoubleNamed(network).Create(), misuse);

    private static void AssertRejected<T>(INetwork<T> network, string misuse)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Misuse<T> m = Misuses<T>()[misuse];
        ArgumentAssert.ThrowsNamingSize(() => m.Call(network), m.ExpectedSize(network), misuse);
    }

    private static Dictionary<string, Misuse<T>> Misuses<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // Three samples is a batch: the expected size of a per-sample span is three rows.
        const int Batch = 3;
        static T[] Values(int count) => new T[count];
        static T[] Inputs(INetwork<T> n, int batch = Batch) => Values(batch * n.InputSize);
        static T[] Rows(INetwork<T> n, int batch = Batch) => Values(batch * n.OutputSize);
        static int[] Labels(int count) => new int[count];

        return new()
        {
            ["Forward: input not a whole number of samples"] = new(n => n.Forward(Values(2 * n.InputSize + 1), Rows(n, 2)), n => n.InputSize),
            ["Forward: empty input"] = new(n => n.Forward(Values(0), Values(0)), n => n.InputSize),
            ["Forward: output one value short"] = new(n => n.Forward(Inputs(n), Values(Batch * n.OutputSize - 1)), n => Batch * n.OutputSize),
            ["Forward: output one value long"] = new(n => n.Forward(Inputs(n), Values(Batch * n.OutputSize + 1)), n => Batch * n.OutputSize),
            ["Forward: output for one sample of three"] = new(n => n.Forward(Inputs(n), Rows(n, 1)), n => Batch * n.OutputSize),
            ["ComputeGradients: inputs not a whole number of samples"] = new(n => n.ComputeGradients(Values(n.InputSize + 1), Rows(n, 1)), n => n.InputSize),
            ["ComputeGradients: empty inputs"] = new(n => n.ComputeGradients(Values(0), Values(0)), n => n.InputSize),
            ["ComputeGradients: targets one value short"] = new(n => n.ComputeGradients(Inputs(n), Values(Batch * n.OutputSize - 1)), n => Batch * n.OutputSize),
            ["ComputeGradients: targets for four samples of three"] = new(n => n.ComputeGradients(Inputs(n), Rows(n, 4)), n => Batch * n.OutputSize),
            ["ComputeGradients: one label short"] = new(n => n.ComputeGradients(Inputs(n), Labels(Batch - 1)), _ => Batch),
            ["ComputeGradients: one label too many"] = new(n => n.ComputeGradients(Inputs(n), Labels(Batch + 1)), _ => Batch),
            ["ComputeGradients: labels with empty inputs"] = new(n => n.ComputeGradients(Values(0), Labels(0)), n => n.InputSize),
            ["TrainStep: inputs not a whole number of samples"] = new(n => n.TrainStep(Values(n.InputSize - 1), Rows(n, 1)), n => n.InputSize),
            ["TrainStep: targets one value long"] = new(n => n.TrainStep(Inputs(n), Values(Batch * n.OutputSize + 1)), n => Batch * n.OutputSize),
            ["TrainStep: one label short"] = new(n => n.TrainStep(Inputs(n), Labels(Batch - 1)), _ => Batch),
            ["ExportParameters: one value short"] = new(n => n.ExportParameters(Values(n.ParameterCount - 1)), n => n.ParameterCount),
            ["ExportParameters: one value long"] = new(n => n.ExportParameters(Values(n.ParameterCount + 1)), n => n.ParameterCount),
            ["ImportParameters: one value short"] = new(n => n.ImportParameters(Values(n.ParameterCount - 1)), n => n.ParameterCount),
            ["ImportParameters: one value long"] = new(n => n.ImportParameters(Values(n.ParameterCount + 1)), n => n.ParameterCount),
            ["ImportParameters: empty"] = new(n => n.ImportParameters(Values(0)), n => n.ParameterCount),
            ["ExportGradients: one value short"] = new(n => n.ExportGradients(Values(n.ParameterCount - 1)), n => n.ParameterCount),
            ["ExportGradients: one value long"] = new(n => n.ExportGradients(Values(n.ParameterCount + 1)), n => n.ParameterCount),
            ["Predict: one value short"] = new(n => n.Predict(Values(n.InputSize - 1)), n => n.InputSize),
            ["Predict: two samples"] = new(n => n.Predict(Inputs(n, 2)), n => n.InputSize),
            ["Predict: empty"] = new(n => n.Predict(Values(0)), n => n.InputSize),
        };
    }

    private static TheoryData<string, string> Cases<T>(params string[] networks)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TheoryData<string, string>();
        foreach (string network in networks)
            foreach (string misuse in Misuses<T>().Keys)
                data.Add(network, misuse);
        return data;
    }
}
