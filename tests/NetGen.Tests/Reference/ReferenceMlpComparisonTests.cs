using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Reference;

/// <summary>
/// Every catalog network, given random parameters through ImportParameters, computes the outputs,
/// the mean loss and (through ExportGradients) the gradient that the plain <see cref="ReferenceMlp"/>
/// computes for the same description, at batches of 1, 3 and 33. This pins the canonical layout,
/// the batch handling and every formula at once, in both precisions.
/// </summary>
public class ReferenceMlpComparisonTests
{
    // Float carries 24 bits: sums of a few dozen products lose a few units in the 7th digit.
    private const double FloatTolerance = 1e-4;
    private const double DoubleTolerance = 1e-10;

    private static readonly int[] Batches = [1, 3, 33];

    public static TheoryData<string, int> DoubleCases => Cases(NetworkCatalog.Double);

    public static TheoryData<string, int> FloatCases => Cases(NetworkCatalog.Float);

    /// <summary>
    /// Layers that keep their pre-activation over a batch of several chunks: each chunk's slice of the
    /// pre-activation rows, and the first layer split by rows (FirstProducts, FinishBlock).
    /// </summary>
    [Theory]
    [InlineData(nameof(GELUTanhWideMseSiLUNet), 300)]
    [InlineData(nameof(SiLUHiddenMseGELUTanhNet), 1000)]
    [InlineData(nameof(MishHiddenMseMishNet), 300)]
    [InlineData(nameof(GELUHiddenMishMseGELUNet), 300)]
    public void DoubleNetworkKeepingPreActivationsMatchesReferenceOverSeveralChunks(string network, int batch)
        => DoubleNetworkMatchesReferenceAgainstTargets(network, batch);

    /// <summary>A first layer held panel by panel, split by rows over a batch of several chunks (FirstProducts, FinishBlock).</summary>
    [Theory]
    [InlineData(nameof(PanelDoubleNet), 150)]
    [InlineData(nameof(PanelFloatNet), 200)]
    public void NetworkHoldingPanelsMatchesReferenceOverSeveralChunks(string network, int batch)
    {
        if (network == nameof(PanelDoubleNet))
            DoubleNetworkMatchesReferenceAgainstTargets(network, batch);
        else
            FloatNetworkMatchesReferenceAgainstLabels(network, batch);
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoubleNetworkMatchesReferenceAgainstTargets(string network, int batch)
    {
        NetworkCase<double> @case = NetworkCatalog.DoubleNamed(network);
        var data = new TestData(Seed(network, batch));
        INetwork<double> net = @case.Create();
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch);
        net.ImportParameters(parameters);
        double[] targets = data.Targets(@case.Architecture, batch);

        AssertForwardMatches(Forward(net, inputs, batch), reference, inputs, DoubleTolerance);
        double loss = net.ComputeGradients(inputs, targets);
        AssertTrainingMatches(loss, ExportGradients(net), reference, inputs, targets, DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoubleNetworkMatchesReferenceAgainstLabels(string network, int batch)
    {
        NetworkCase<double> @case = NetworkCatalog.DoubleNamed(network);
        var data = new TestData(Seed(network, batch) + 1);
        INetwork<double> net = @case.Create();
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch);
        net.ImportParameters(parameters);
        int[] labels = data.Labels(@case.Architecture, batch);

        double loss = net.ComputeGradients(inputs, labels);
        AssertTrainingMatches(loss, ExportGradients(net), reference, inputs, TestData.TargetsOf(labels, @case.Architecture.OutputSize), DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatNetworkMatchesReferenceAgainstTargets(string network, int batch)
    {
        NetworkCase<float> @case = NetworkCatalog.FloatNamed(network);
        var data = new TestData(Seed(network, batch));
        INetwork<float> net = @case.Create();
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch, roundToFloat: true);
        net.ImportParameters(Close.ToFloat(parameters));
        double[] targets = RoundToFloat(data.Targets(@case.Architecture, batch));

        var output = new float[batch * @case.Architecture.OutputSize];
        net.Forward(Close.ToFloat(inputs), output);
        AssertForwardMatches(Close.ToDouble(output), reference, inputs, FloatTolerance);
        float loss = net.ComputeGradients(Close.ToFloat(inputs), Close.ToFloat(targets));
        AssertTrainingMatches(loss, ExportGradients(net), reference, inputs, targets, FloatTolerance);
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatNetworkMatchesReferenceAgainstLabels(string network, int batch)
    {
        NetworkCase<float> @case = NetworkCatalog.FloatNamed(network);
        var data = new TestData(Seed(network, batch) + 1);
        INetwork<float> net = @case.Create();
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch, roundToFloat: true);
        net.ImportParameters(Close.ToFloat(parameters));
        int[] labels = data.Labels(@case.Architecture, batch);

        float loss = net.ComputeGradients(Close.ToFloat(inputs), labels);
        AssertTrainingMatches(loss, ExportGradients(net), reference, inputs, TestData.TargetsOf(labels, @case.Architecture.OutputSize), FloatTolerance);
    }

    /// <summary>
    /// Predict is the reference's decision: the largest output, or for one output the step at 0.5
    /// after Sigmoid or Softmax and at 0 otherwise. Samples near a tie are left out (within 1e-9 in
    /// double, 1e-4 in float, where float rounding could fairly tip the decision).
    /// </summary>
    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void DoublePredictIsTheReferenceDecision(string network, int batch)
    {
        NetworkCase<double> @case = NetworkCatalog.DoubleNamed(network);
        var data = new TestData(Seed(network, batch) + 2);
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch * 10);
        INetwork<double> net = @case.Create();
        net.ImportParameters(parameters);

        AssertPredictions(@case.Architecture, reference, inputs, margin: 1e-9, sample => net.Predict(sample));
    }

    [Theory]
    [MemberData(nameof(FloatCases))]
    public void FloatPredictIsTheReferenceDecision(string network, int batch)
    {
        NetworkCase<float> @case = NetworkCatalog.FloatNamed(network);
        var data = new TestData(Seed(network, batch) + 2);
        var (parameters, inputs, reference) = Setup(@case.Architecture, data, batch * 10, roundToFloat: true);
        INetwork<float> net = @case.Create();
        net.ImportParameters(Close.ToFloat(parameters));

        AssertPredictions(@case.Architecture, reference, inputs, margin: 1e-4, sample => net.Predict(Close.ToFloat(sample)));
    }

    private static void AssertPredictions(Architecture architecture, ReferenceMlp reference, double[] inputs, double margin, Func<double[], int> predict)
    {
        int n = architecture.InputSize, m = architecture.OutputSize, decided = 0;
        for (int s = 0; s < inputs.Length / n; s++)
        {
            double[] sample = inputs.AsSpan(s * n, n).ToArray();
            double[] output = reference.Forward(sample);
            int expected;
            if (m == 1)
            {
                double threshold = architecture.OutputActivation is Activation.Sigmoid or Activation.Softmax ? 0.5 : 0.0;
                if (Math.Abs(output[0] - threshold) < margin)
                    continue;
                expected = output[0] > threshold ? 1 : 0;
            }
            else
            {
                double[] sorted = output.OrderByDescending(v => v).ToArray();
                if (sorted[0] - sorted[1] < margin)
                    continue;
                expected = Array.IndexOf(output, sorted[0]);
            }
            Assert.True(expected == predict(sample), $"Sample {s}: Predict gives {predict(sample)}, the reference outputs [{string.Join(", ", output)}] decide {expected}.");
            decided++;
        }
        Assert.True(decided > 0, "Every sample was a tie; the test checked nothing.");
    }

    private static void AssertForwardMatches(double[] actual, ReferenceMlp reference, double[] inputs, double tolerance) =>
        Close.Elements(actual, reference.Forward(inputs), tolerance, "Forward outputs");

    private static void AssertTrainingMatches(double loss, double[] gradient, ReferenceMlp reference, double[] inputs, double[] targets, double tolerance)
    {
        var (expectedLoss, expectedGradient) = reference.LossAndGradient(inputs, targets);
        Close.Value(loss, expectedLoss, tolerance, "Mean loss");
        Close.Elements(gradient, expectedGradient, tolerance, "ExportGradients");
    }

    /// <summary>
    /// Random canonical parameters and inputs (drawn away from ReLU kinks, where float and double
    /// could take different sides), and the reference built on exactly the values the network gets.
    /// </summary>
    private static (double[] Parameters, double[] Inputs, ReferenceMlp Reference) Setup(Architecture architecture, TestData data, int batch, bool roundToFloat = false)
    {
        double[] parameters = data.Parameters(architecture);
        if (roundToFloat)
            parameters = RoundToFloat(parameters);
        double[] inputs = data.InputsAwayFromKinks(architecture, parameters, batch);
        if (roundToFloat)
            inputs = RoundToFloat(inputs);
        return (parameters, inputs, new ReferenceMlp(architecture, parameters));
    }

    private static double[] RoundToFloat(double[] values) => Close.ToDouble(Close.ToFloat(values));

    private static double[] Forward(INetwork<double> net, double[] inputs, int batch)
    {
        var output = new double[batch * net.OutputSize];
        net.Forward(inputs, output);
        return output;
    }

    private static double[] ExportGradients(INetwork<double> net)
    {
        var gradient = new double[net.ParameterCount];
        net.ExportGradients(gradient);
        return gradient;
    }

    private static double[] ExportGradients(INetwork<float> net)
    {
        var gradient = new float[net.ParameterCount];
        net.ExportGradients(gradient);
        return Close.ToDouble(gradient);
    }

    /// <summary>A seed that is stable across runs (string.GetHashCode is not).</summary>
    private static int Seed(string network, int batch) => network.Sum(c => c) * 100 + batch;

    private static TheoryData<string, int> Cases<T>(IEnumerable<NetworkCase<T>> cases)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        var data = new TheoryData<string, int>();
        foreach (NetworkCase<T> @case in cases)
            foreach (int batch in Batches)
                data.Add(@case.Name, batch);
        return data;
    }
}
