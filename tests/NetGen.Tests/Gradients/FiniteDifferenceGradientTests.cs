using System.Collections.Generic;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Gradients;

/// <summary>
/// The backward pass is the derivative of the forward pass: for every double network of the
/// catalog, every parameter's gradient from ComputeGradients matches central finite differences of
/// the loss ComputeGradients returns, on random parameters and inputs.
/// </summary>
public class FiniteDifferenceGradientTests
{
    public static TheoryData<string, int> TargetCases => Cases(NetworkCatalog.GradientCheck);


    [Theory]
    [MemberData(nameof(TargetCases))]
    public void GradientAgainstTargetRowsMatchesFiniteDifferences(string network, int batch)
    {
        var (net, inputs, data) = Prepare(network, batch);
        double[] targets = data.Targets(net.Architecture, batch);

        GradientChecker.AssertGradientMatchesFiniteDifferences(net.Instance, n => n.ComputeGradients(inputs, targets));
    }

    /// <summary>
    /// Labels stand for one-hot rows (or, on a single output, for the 0/1 target itself); every
    /// network takes them, whatever its loss.
    /// </summary>
    [Theory]
    [MemberData(nameof(TargetCases))]
    public void GradientAgainstLabelsMatchesFiniteDifferences(string network, int batch)
    {
        var (net, inputs, data) = Prepare(network, batch);
        int[] labels = data.Labels(net.Architecture, batch);

        GradientChecker.AssertGradientMatchesFiniteDifferences(net.Instance, n => n.ComputeGradients(inputs, labels));
    }

    /// <summary>
    /// The catalog is what makes the check above mean something: it must put every hidden
    /// activation, every loss with every output it allows, one to three hidden layers, and both
    /// the unrolled and the kernel code paths under finite differences.
    /// </summary>
    [Fact]
    public void GradientCheckCatalogCoversEveryActivationLossDepthAndCodePath()
    {
        Architecture[] all = NetworkCatalog.GradientCheck.Select(c => c.Architecture).ToArray();
        Activation[] hidden = [Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.SiLU, Activation.GELUTanh, Activation.ELU, Activation.Softplus, Activation.GELU, Activation.Mish];
        foreach (Activation activation in hidden)
            Assert.Contains(all, a => a.Layers[..^1].Any(l => l.Activation == activation));
        foreach (Activation output in new[] { Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.Softmax, Activation.SiLU, Activation.GELUTanh, Activation.ELU, Activation.Softplus, Activation.GELU, Activation.Mish })
            Assert.Contains(all, a => a.Loss == Loss.MeanSquaredError && a.OutputActivation == output);
        Assert.Contains(all, a => a.Loss == Loss.CrossEntropy);
        Assert.Contains(all, a => a.Loss == Loss.BinaryCrossEntropy && a.OutputSize == 1);
        Assert.Contains(all, a => a.Loss == Loss.BinaryCrossEntropy && a.OutputSize > 1);
        foreach (int depth in new[] { 1, 2, 3 })
            Assert.Contains(all, a => a.Layers.Length - 1 == depth);
        // The generator unrolls layers of at most 64 weights and calls the kernels above that.
        IEnumerable<int> weightCounts = all.SelectMany(a => a.Layers.Select((l, i) => l.Size * a.FanIn(i))).ToArray();
        Assert.Contains(weightCounts, w => w <= 64);
        Assert.Contains(weightCounts, w => w > 64);
        Assert.Contains(64, weightCounts);
        Assert.Contains(65, weightCounts);
    }

    private static (CaseInstance Net, double[] Inputs, TestData Data) Prepare(string network, int batch)
    {
        NetworkCase<double> @case = NetworkCatalog.DoubleNamed(network);
        int index = NetworkCatalog.Double.ToList().IndexOf(@case);
        var data = new TestData(seed: 1000 * batch + index);
        INetwork<double> instance = @case.Create(seed: 7);
        double[] parameters = data.Parameters(@case.Architecture);
        instance.ImportParameters(parameters);
        double[] inputs = data.InputsAwayFromKinks(@case.Architecture, parameters, batch);
        return (new CaseInstance(instance, @case.Architecture), inputs, data);
    }

    private readonly record struct CaseInstance(INetwork<double> Instance, Architecture Architecture);

    private static TheoryData<string, int> Cases(IEnumerable<NetworkCase<double>> cases)
    {
        var data = new TheoryData<string, int>();
        foreach (NetworkCase<double> @case in cases)
            foreach (int batch in new[] { 1, 5 })
                data.Add(@case.Name, batch);
        return data;
    }
}
