using System;
using System.Linq;
using System.Numerics;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.RandomNetworks.Tests;

/// <summary>
/// Networks of random shapes, losses, precisions and optimizers, compiled at test time, against the plain
/// reference MLP: Forward at batches on both sides of the pieces it runs in, ComputeGradients on both
/// sides of a chunk, and one TrainStep against the optimizer's formula for a first step.
/// </summary>
public sealed class RandomNetworkTests
{
    public static TheoryData<int> Networks => new(Enumerable.Range(0, RandomNetworkAssembly.Count));

    [Theory]
    [MemberData(nameof(Networks))]
    public void ARandomNetworkMatchesTheReference(int index)
    {
        RandomDeclaration declaration = RandomNetworkAssembly.Declarations[index];
        object network = RandomNetworkAssembly.Create(declaration, seed: index);
        if (declaration.IsDouble)
            Check((INetwork<double>)network, declaration, index, 1e-9);
        else
            Check((INetwork<float>)network, declaration, index, 2e-3);
    }

    private static void Check<T>(INetwork<T> net, RandomDeclaration declaration, int index, double tolerance)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Architecture architecture = declaration.Architecture;
        Assert.Equal(architecture.InputSize, net.InputSize);
        Assert.Equal(architecture.OutputSize, net.OutputSize);
        Assert.Equal(architecture.ParameterCount, net.ParameterCount);
        var data = new TestData(RandomNetworkAssembly.Seed + index);
        double[] parameters = Representable<T>(data.Parameters(architecture));
        net.ImportParameters(Cast<T>(parameters));
        var reference = new ReferenceMlp(architecture, parameters);

        int piece = RandomNetworkAssembly.Constant(declaration, "ForwardPiece");
        foreach (int batch in new[] { 1, 2, 9, piece - 1, piece, piece + 1 }.Where(b => b >= 1).Distinct())
            CheckForward(net, architecture, reference, data, batch, tolerance, $"{declaration}, Forward at batch {batch} (pieces of {piece})");

        int chunk = RandomNetworkAssembly.Constant(declaration, "ChunkSize");
        foreach (int batch in new[] { 1, 3, chunk + 1 })
            CheckGradients(net, architecture, reference, data, parameters, batch, tolerance, $"{declaration}, ComputeGradients at batch {batch} (chunks of {chunk})");

        CheckTrainStep(net, declaration, reference, data, parameters, tolerance);
    }

    private static void CheckForward<T>(INetwork<T> net, Architecture architecture, ReferenceMlp reference, TestData data, int batch,
        double tolerance, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] inputs = Representable<T>(data.Normals(batch * architecture.InputSize));
        var output = new T[batch * architecture.OutputSize];
        net.Forward(Cast<T>(inputs), output);
        // The rows at the pieces' seams and ends; the reference is plain loops, so a few rows suffice.
        foreach (int row in new[] { 0, batch / 2, batch - 1 }.Distinct())
        {
            double[] expected = reference.Forward(inputs.AsSpan(row * architecture.InputSize, architecture.InputSize));
            AssertClose(ToDouble(output.AsSpan(row * architecture.OutputSize, architecture.OutputSize)), expected, tolerance, $"{what}, row {row}");
        }
    }

    private static void CheckGradients<T>(INetwork<T> net, Architecture architecture, ReferenceMlp reference, TestData data, double[] parameters,
        int batch, double tolerance, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] inputs = Representable<T>(data.InputsAwayFromKinks(architecture, parameters, batch));
        double[] targets = Representable<T>(data.Targets(architecture, batch));
        T loss = net.ComputeGradients(Cast<T>(inputs), Cast<T>(targets));
        var (expectedLoss, expectedGradient) = reference.LossAndGradient(inputs, targets);
        AssertClose([double.CreateChecked(loss)], [expectedLoss], tolerance, what + ", loss");
        var gradient = new T[architecture.ParameterCount];
        net.ExportGradients(gradient);
        AssertClose(ToDouble(gradient), expectedGradient, tolerance, what + ", gradient");
    }

    /// <summary>
    /// One step from fresh optimizer state, against its formula with the reference gradient g: SGD
    /// moves by −lr·g (momentum's buffer starts as g); Adam's first step, with m̂ = g and v̂ = g², by
    /// −lr·g/(|g| + ε), compared where |g| is well above what the precision resolves.
    /// </summary>
    private static void CheckTrainStep<T>(INetwork<T> net, RandomDeclaration declaration, ReferenceMlp reference, TestData data,
        double[] parameters, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Architecture architecture = declaration.Architecture;
        net.ImportParameters(Cast<T>(parameters));
        net.ResetOptimizer();
        const int Batch = 5;
        double[] inputs = Representable<T>(data.InputsAwayFromKinks(architecture, parameters, Batch));
        double[] targets = Representable<T>(data.Targets(architecture, Batch));
        var (_, g) = reference.LossAndGradient(inputs, targets);
        net.TrainStep(Cast<T>(inputs), Cast<T>(targets));
        var after = new T[architecture.ParameterCount];
        net.ExportParameters(after);
        double lr = declaration.LearningRate;
        double[] moved = ToDouble(after).Zip(parameters, (a, p) => a - p).ToArray();
        double[] expected = g.Select(x => declaration.IsAdam ? -lr * x / (Math.Abs(x) + 1e-8) : -lr * x).ToArray();
        if (declaration.IsAdam)
        {
            double floor = declaration.IsDouble ? 1e-9 : 1e-3;
            int[] resolved = Enumerable.Range(0, g.Length).Where(i => Math.Abs(g[i]) > floor).ToArray();
            moved = resolved.Select(i => moved[i]).ToArray();
            expected = resolved.Select(i => expected[i]).ToArray();
        }
        // The step is computed as a difference of parameters near 1 in size: compare it on that scale.
        AssertClose(moved, expected, tolerance, $"{declaration}, TrainStep", scale: declaration.IsDouble ? 1e-6 : 1);
    }

    private static void AssertClose(double[] actual, double[] expected, double tolerance, string what, double scale = 1)
    {
        Assert.Equal(expected.Length, actual.Length);
        double largest = expected.Length == 0 ? 0 : expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = tolerance * (Math.Abs(expected[i]) + 0.01 * largest + 1e-3 * scale);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed,
                $"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R} (within {allowed:R})");
        }
    }

    /// <summary>Values as the network's precision holds them, so that the reference starts from the same numbers.</summary>
    private static double[] Representable<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        values.Select(v => double.CreateChecked(T.CreateChecked(v))).ToArray();

    private static T[] Cast<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        values.Select(T.CreateChecked).ToArray();

    private static double[] ToDouble<T>(ReadOnlySpan<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = double.CreateChecked(values[i]);
        return result;
    }
}
