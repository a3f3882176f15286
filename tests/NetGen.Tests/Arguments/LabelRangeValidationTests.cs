using System;
using System.Numerics;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Arguments;

/// <summary>
/// A label names a class: 0 to OutputSize − 1, or 0 and 1 for a network with one output. Any other
/// value would index outside the target row, so it throws an ArgumentException that names the
/// network's OutputSize, through ComputeGradients and through TrainStep.
/// </summary>
public class LabelRangeValidationTests
{
    public static TheoryData<string, int> FloatCases => new()
    {
        { nameof(FloatCrossEntropyNet), -1 },
        { nameof(FloatCrossEntropyNet), FloatCrossEntropyNet.OutputSize },
        { nameof(FloatCrossEntropyNet), int.MaxValue },
        { nameof(FloatCrossEntropyNet), int.MinValue },
        { nameof(FloatBinaryNet), -1 },
        { nameof(FloatBinaryNet), 2 },
        { nameof(AdamFloatNet), AdamFloatNet.OutputSize },
    };

    public static TheoryData<string, int> DoubleCases => new()
    {
        { nameof(WideDoubleCrossEntropyNet), -1 },
        { nameof(WideDoubleCrossEntropyNet), WideDoubleCrossEntropyNet.OutputSize },
        { nameof(WideDoubleCrossEntropyNet), WideDoubleCrossEntropyNet.OutputSize + 1 },
        { nameof(SigmoidHiddenBinaryNet), 2 },
        { nameof(SigmoidHiddenBinaryNet), -1 },
        { nameof(LogisticRegressionNet), 2 },
    };

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatNetworkRejectsLabelOutOfRange(string network, int label) =>
        AssertRejected(NetworkCatalog.FloatNamed(network).Create(), label);

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoubleNetworkRejectsLabelOutOfRange(string network, int label) =>
        AssertRejected(NetworkCatalog.DoubleNamed(network).Create(), label);

    /// <summary>The bad label sits among good ones, last, so that a check of the first label only would miss it.</summary>
    private static void AssertRejected<T>(INetwork<T> network, int label) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var inputs = new T[3 * network.InputSize];
        int[] labels = [0, 1, label];
        var before = new T[network.ParameterCount];
        network.ExportParameters(before);

        ArgumentAssert.ThrowsNamingSize(() => network.ComputeGradients(inputs, labels), network.OutputSize, $"ComputeGradients with label {label}");
        ArgumentAssert.ThrowsNamingSize(() => network.TrainStep(inputs, labels), network.OutputSize, $"TrainStep with label {label}");

        // A rejected TrainStep must not have stepped.
        var after = new T[network.ParameterCount];
        network.ExportParameters(after);
        Assert.Equal(before, after);
    }
}
