using NetGen.Optimizer.Tests.Networks;
using NetGen.Optimizer.Tests.Support;
using Xunit;

namespace NetGen.Optimizer.Tests.Trajectories;

/// <summary>
/// LearningRate is read at every step, by every optimizer (the scheduled PyTorch cases in
/// <see cref="PyTorchTrajectoryTests"/> change it mid-run for SGD with momentum and for AdamW).
/// </summary>
public class LearningRateTests
{
    public static TheoryData<string> Names() => new(TrajectoryCatalog.Networks.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void ZeroLearningRateLeavesEveryParameterWhereItIs(string name)
    {
        // With lr = 0 every PyTorch optimizer here is the identity on the parameters, AdamW's decay
        // factor 1 − lr·λ included, however the state evolves.
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> network = TrajectoryCatalog.Networks[name].Create();
        network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
        network.LearningRate = 0;
        for (int step = 0; step < 3; step++)
        {
            Trajectory.TrainStep(network, c);
            Assert.Equal(PyTorchExpectations.Instance.InitialParameters, Trajectory.Export(network));
        }
        Assert.Equal(0.0, network.LearningRate);
    }

    [Fact]
    public void PlainSgdStepsByTheLearningRateSetAtRunTime()
    {
        // p₁ = p₀ − lr·∇ with PyTorch's first gradient, for a rate other than the declared 0.1.
        TrajectoryCase c = PyTorchExpectations.Instance.Case("SgdPlain");
        double[] initial = PyTorchExpectations.Instance.InitialParameters;
        INetwork<double> network = new SgdPlainNet();
        network.ImportParameters(initial);
        network.LearningRate = 0.037;
        Trajectory.TrainStep(network, c);
        var expected = new double[initial.Length];
        for (int k = 0; k < expected.Length; k++)
            expected[k] = initial[k] - 0.037 * c.Gradients[0][k];
        Deviation.AssertClose(Trajectory.Export(network), expected, PyTorchTrajectoryTests.Tolerance, "SgdPlain with LearningRate 0.037");
    }

    [Fact]
    public void ResetOptimizerKeepsTheLearningRate()
    {
        INetwork<double> network = new AdamWDefaultNet();
        network.LearningRate = 0.25;
        network.ResetOptimizer();
        Assert.Equal(0.25, network.LearningRate);
    }
}
