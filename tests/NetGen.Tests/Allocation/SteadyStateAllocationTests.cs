using System;
using System.Numerics;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Allocation;

/// <summary>
/// A network allocates its scratch once per batch size it has not seen and never again: after one
/// warm-up call at a batch size, inference and training at that size allocate nothing. The cases mix
/// precisions, losses, kernel and unrolled layers, and optimizers with and without state.
/// </summary>
public class SteadyStateAllocationTests
{
    private const int Repetitions = 5;
    private const int Windows = 3;

    public static TheoryData<string, int> FloatCases => Cases(
        nameof(FloatCrossEntropyNet), nameof(FloatBinaryNet), nameof(FloatDeepMseNet), nameof(FloatLinearNet), nameof(AdamFloatNet));

    public static TheoryData<string, int> DoubleCases => Cases(
        nameof(WideDoubleCrossEntropyNet), nameof(MomentumDoubleNet), nameof(IdentityHiddenMseSigmoidNet), nameof(ReLUHiddenMultiBinaryNet));

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatNetworkAllocatesNothingInSteadyState(string network, int batch)
    {
        NetworkCase<float> @case = NetworkCatalog.FloatNamed(network);
        var data = new TestData(batch);
        float[] inputs = Close.ToFloat(data.Normals(batch * @case.Architecture.InputSize));
        float[] targets = Close.ToFloat(data.Targets(@case.Architecture, batch));

        AssertNoSteadyStateAllocation(@case.Create(), inputs, targets, data.Labels(@case.Architecture, batch));
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoubleNetworkAllocatesNothingInSteadyState(string network, int batch)
    {
        NetworkCase<double> @case = NetworkCatalog.DoubleNamed(network);
        var data = new TestData(batch);
        double[] inputs = data.Normals(batch * @case.Architecture.InputSize);
        double[] targets = data.Targets(@case.Architecture, batch);

        AssertNoSteadyStateAllocation(@case.Create(), inputs, targets, data.Labels(@case.Architecture, batch));
    }

    private static void AssertNoSteadyStateAllocation<T>(INetwork<T> network, T[] inputs, T[] targets, int[] labels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var output = new T[targets.Length];
        // The warm-up grows the scratch to this batch size and runs every static constructor.
        RunEveryOperation(network, inputs, output, targets, labels);

        SteadyState.AssertAllocatesNothing(() => RunEveryOperation(network, inputs, output, targets, labels), Repetitions, Windows,
            $"Forward, Predict, ComputeGradients and TrainStep at batch {labels.Length}");
    }

    private static void RunEveryOperation<T>(INetwork<T> network, T[] inputs, T[] output, T[] targets, int[] labels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        network.Forward(inputs, output);
        network.Predict(inputs.AsSpan(0, network.InputSize));
        network.ComputeGradients(inputs, targets);
        network.ComputeGradients(inputs, labels);
        network.TrainStep(inputs, targets);
        network.TrainStep(inputs, labels);
        network.ApplyGradients();
    }

    private static TheoryData<string, int> Cases(params string[] networks)
    {
        var data = new TheoryData<string, int>();
        foreach (string network in networks)
            foreach (int batch in new[] { 1, 32 })
                data.Add(network, batch);
        return data;
    }
}
