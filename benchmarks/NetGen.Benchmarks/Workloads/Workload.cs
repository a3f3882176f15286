using System;
using System.Collections.Generic;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Baselines.Onnx;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Random batches, and the baselines built as twins of a generated network: same shape, same
/// parameters (through <c>ExportParameters</c>, PyTorch's order), checked to compute the same thing.
/// </summary>
internal static class Workload
{
    /// <summary>When set, every comparison prints its largest relative difference.</summary>
    public static bool Verbose { get; set; }

    public static float[] Inputs(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (int k = 0; k < values.Length; k++)
            values[k] = (float)random.NextNormal();
        return values;
    }

    /// <summary>
    /// A classifier's training batch as every training workload draws it (inputs from seed 2, labels from seed 3), so
    /// that the contenders of one workload, in the suite and in <c>--targets</c>, train on the same batch.
    /// </summary>
    public static (float[] Inputs, int[] Labels) ClassifierBatch(NetworkShape shape, int batch) =>
        (Inputs(batch * shape.InputSize, 2), Labels(batch, shape.OutputSize, 3));

    /// <summary>W4's one sample of 784 inputs (seed 6), the same in the suite and in <c>--targets</c>.</summary>
    public static float[] MnistSample() => Inputs(NetworkShape.Mnist.InputSize, 6);

    public static int[] Labels(int count, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        var labels = new int[count];
        for (int k = 0; k < labels.Length; k++)
            labels[k] = random.NextInt(classes);
        return labels;
    }

    public static float[] Parameters(INetwork<float> network)
    {
        var parameters = new float[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }

    public static LayerListNetwork LayerListTwin(INetwork<float> network, NetworkShape shape,
        Func<IReadOnlyList<Parameter>, Optimizer> optimizer, int maxBatch)
    {
        LayerListNetwork twin = LayerListNetwork.Create(shape.InputSize, shape.Layers, shape.Loss, optimizer, maxBatch);
        twin.ImportParameters(Parameters(network));
        return twin;
    }

    public static Func<IReadOnlyList<Parameter>, Optimizer> Sgd(float learningRate) => p => new SgdOptimizer(p, learningRate);

    public static Func<IReadOnlyList<Parameter>, Optimizer> Adam(float learningRate) => p => new AdamOptimizer(p, learningRate);

    public static OnnxRuntimePeer OnnxTwin(INetwork<float> network, ReadOnlySpan<float> input, int batch = 1, bool quantized = false)
    {
        var peer = new OnnxRuntimePeer(network, batch, quantized);
        input.CopyTo(peer.Input);
        return peer;
    }

    /// <summary>Throws unless the layer-list twin's forward output matches the generated network's.</summary>
    public static void CheckForward(string workload, INetwork<float> network, LayerListNetwork twin, ReadOnlySpan<float> input)
    {
        var expected = new float[input.Length / network.InputSize * network.OutputSize];
        var actual = new float[expected.Length];
        network.Forward(input, expected);
        twin.Forward(input, actual);
        Check(workload + " layer-list forward", expected, actual, 1e-5);
    }

    /// <summary>Throws unless ONNX Runtime's output matches the generated network's on the peer's bound input (one sample or a batch).</summary>
    public static void CheckForward(string workload, INetwork<float> network, OnnxRuntimePeer peer) =>
        CheckForward(workload + " ONNX Runtime forward", network.Forward, peer);

    /// <summary>Throws unless ONNX Runtime's output matches a frozen float network's on the peer's bound input.</summary>
    public static void CheckForward(string workload, QuantizedNetwork frozen, OnnxRuntimePeer peer) =>
        CheckForward(workload + $" ONNX Runtime forward against NetGen {frozen.Format}", frozen.Forward, peer);

    private delegate void ForwardCall(ReadOnlySpan<float> input, Span<float> output);

    private static void CheckForward(string what, ForwardCall forward, OnnxRuntimePeer peer)
    {
        var expected = new float[peer.Output.Length];
        forward(peer.Input, expected);
        peer.Run();
        Check(what, expected, peer.Output, 1e-5);
    }

    /// <summary>Throws unless loss and gradients of the twins agree on one batch (parameters are not changed).</summary>
    public static void CheckGradients(string workload, INetwork<float> network, LayerListNetwork twin, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels) =>
        CheckGradients(workload, network, twin, network.ComputeGradients(inputs, labels), twin.ComputeGradients(inputs, labels));

    public static void CheckGradients(string workload, INetwork<float> network, LayerListNetwork twin, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) =>
        CheckGradients(workload, network, twin, network.ComputeGradients(inputs, targets), twin.ComputeGradients(inputs, targets));

    private static void CheckGradients(string workload, INetwork<float> network, LayerListNetwork twin, float expectedLoss, float actualLoss)
    {
        Check(workload + " loss", [expectedLoss], [actualLoss], 1e-5);
        var expected = new float[network.ParameterCount];
        var actual = new float[expected.Length];
        network.ExportGradients(expected);
        twin.ExportGradients(actual);
        Check(workload + " gradients", expected, actual, 1e-4);
    }

    /// <summary>Throws unless two instances (say, on different thread counts) give bit-identical loss and gradients.</summary>
    public static void CheckBitIdentical(string workload, INetwork<float> first, INetwork<float> second, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        float firstLoss = first.ComputeGradients(inputs, labels), secondLoss = second.ComputeGradients(inputs, labels);
        var firstGradients = new float[first.ParameterCount];
        var secondGradients = new float[second.ParameterCount];
        first.ExportGradients(firstGradients);
        second.ExportGradients(secondGradients);
        if (BitConverter.SingleToInt32Bits(firstLoss) != BitConverter.SingleToInt32Bits(secondLoss)
            || !firstGradients.AsSpan().SequenceEqual(secondGradients))
            throw new InvalidOperationException($"{workload}: loss or gradients differ between degrees of parallelism {first.DegreeOfParallelism} and {second.DegreeOfParallelism}.");
        if (Verbose)
            Console.WriteLine($"  {workload + " degree of parallelism " + first.DegreeOfParallelism + " vs " + second.DegreeOfParallelism,-40} bit-identical loss and gradients");
    }

    /// <summary>
    /// Throws unless the twins' parameters agree after the same training steps. Adam divides by √v,
    /// so a gradient near zero that differs in its last bits moves its parameter by up to lr either
    /// way: after Adam steps, compare with a tolerance of the order of lr, not of float rounding.
    /// </summary>
    public static void CheckParameters(string workload, INetwork<float> network, LayerListNetwork twin, double tolerance = 1e-4)
    {
        var expected = Parameters(network);
        var actual = new float[expected.Length];
        twin.ExportParameters(actual);
        Check(workload + " parameters", expected, actual, tolerance);
    }

    /// <summary>
    /// Compares with a tolerance relative to the largest expected magnitude (float sums in another
    /// order differ in the last bits); returns that relative difference for reports.
    /// </summary>
    public static double Check(string what, ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance)
    {
        if (expected.Length != actual.Length)
            throw new InvalidOperationException($"{what}: {expected.Length} values expected, {actual.Length} computed.");
        double scale = 0, difference = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            scale = Math.Max(scale, Math.Abs(expected[k]));
            difference = Math.Max(difference, Math.Abs((double)expected[k] - actual[k]));
        }
        double relative = difference / Math.Max(scale, 1e-30);
        if (!(relative <= tolerance))
            throw new InvalidOperationException($"{what}: differs from NetGen by {relative:E2} of the largest value (tolerance {tolerance:E0}).");
        if (Verbose)
            Console.WriteLine($"  {what,-40} matches NetGen to {relative:E1} of the largest value");
        return relative;
    }
}
