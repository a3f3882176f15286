using System;
using System.Linq;
using NetGen.Optimizer.Tests.Networks;
using NetGen.Optimizer.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Optimizer.Tests.Trajectories;

/// <summary>
/// Same parameters, batch and hyperparameters as PyTorch 1.13 in float64: after every one of five
/// steps the exported parameters equal PyTorch's to rounding. The loss and gradient of each step
/// are compared too, so that a failure says whether the optimizer or the backward pass drifted.
/// </summary>
public class PyTorchTrajectoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Double rounding, accumulated over five steps through a different summation order than
    /// PyTorch's BLAS and, for Adam and RMSprop, a division by a small denominator.
    /// </summary>
    public const double Tolerance = 1e-12;

    public static TheoryData<string> Names() => new(TrajectoryCatalog.Networks.Keys);

    public static TheoryData<string> StatefulNames() => new(TrajectoryCatalog.Networks.Keys.Where(TrajectoryCatalog.IsStateful));

    [Theory]
    [MemberData(nameof(Names))]
    public void TrainStepFollowsPyTorchStepByStep(string name)
    {
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> network = TrajectoryCatalog.Networks[name].Create();
        network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);

        double worstParameters = 0, worstGradients = 0, worstLoss = 0;
        for (int step = 0; step < c.Steps; step++)
        {
            Trajectory.ApplySchedule(network, c, step);
            double loss = Trajectory.TrainStep(network, c);
            double[] gradients = Trajectory.ExportGradients(network);
            double[] parameters = Trajectory.Export(network);
            worstLoss = Math.Max(worstLoss, Math.Abs(loss - c.Losses[step]) / Math.Abs(c.Losses[step]));
            worstGradients = Math.Max(worstGradients, Deviation.MaxRelative(gradients, c.Gradients[step]));
            worstParameters = Math.Max(worstParameters, Deviation.MaxRelative(parameters, c.Parameters[step]));

            Deviation.AssertClose([loss], [c.Losses[step]], Tolerance, $"{name}, loss of step {step + 1}");
            Deviation.AssertClose(gradients, c.Gradients[step], Tolerance, $"{name}, gradients of step {step + 1}");
            Deviation.AssertClose(parameters, c.Parameters[step], Tolerance, $"{name}, parameters after step {step + 1}");
        }
        output.WriteLine($"{name}: largest relative deviation from PyTorch: parameters {worstParameters:E2}, "
            + $"gradients {worstGradients:E2}, loss {worstLoss:E2}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ResetOptimizerThenReimportRepeatsTheTrajectory(string name)
    {
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> network = TrajectoryCatalog.Networks[name].Create();
        for (int run = 1; run <= 3; run++)
        {
            network.ResetOptimizer();
            network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
            for (int step = 0; step < c.Steps; step++)
            {
                Trajectory.ApplySchedule(network, c, step);
                Trajectory.TrainStep(network, c);
                Deviation.AssertClose(Trajectory.Export(network), c.Parameters[step], Tolerance,
                    $"{name}, run {run} after ResetOptimizer, parameters after step {step + 1}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StatefulNames))]
    public void WithoutResetTheOptimizerStateCarriesOver(string name)
    {
        // The other side of the test above: the state matters, so re-importing the parameters alone
        // must not reproduce a fresh optimizer's first step.
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> network = TrajectoryCatalog.Networks[name].Create();
        network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
        for (int step = 0; step < c.Steps; step++)
        {
            Trajectory.ApplySchedule(network, c, step);
            Trajectory.TrainStep(network, c);
        }
        network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
        Trajectory.ApplySchedule(network, c, 0);
        Trajectory.TrainStep(network, c);
        Assert.True(Deviation.MaxRelative(Trajectory.Export(network), c.Parameters[0]) > 1e-6,
            $"{name}: after five steps and a re-import without ResetOptimizer, the next step equals a fresh optimizer's first step.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ComputeGradientsAloneDoesNotStepTheOptimizer(string name)
    {
        // ComputeGradients twice, then ApplyGradients once, is one step: neither the parameters nor
        // the optimizer's step count (Adam's bias correction, SGD's first momentum step) may move.
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> network = TrajectoryCatalog.Networks[name].Create();
        network.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
        for (int step = 0; step < c.Steps; step++)
        {
            Trajectory.ApplySchedule(network, c, step);
            Trajectory.ComputeGradients(network, c);
            double loss = Trajectory.ComputeGradients(network, c);
            Deviation.AssertClose([loss], [c.Losses[step]], Tolerance, $"{name}, loss of step {step + 1}");
            network.ApplyGradients();
            Deviation.AssertClose(Trajectory.Export(network), c.Parameters[step], Tolerance,
                $"{name}, parameters after ComputeGradients twice and ApplyGradients, step {step + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(StatefulNames))]
    public void InterleavedInstancesKeepTheirOwnState(string name)
    {
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        INetwork<double> first = TrajectoryCatalog.Networks[name].Create();
        INetwork<double> second = TrajectoryCatalog.Networks[name].Create();
        first.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
        for (int step = 0; step < c.Steps; step++)
        {
            // The second instance starts one step behind; each must follow PyTorch on its own.
            Trajectory.ApplySchedule(first, c, step);
            Trajectory.TrainStep(first, c);
            if (step == 0)
                second.ImportParameters(PyTorchExpectations.Instance.InitialParameters);
            else
            {
                Trajectory.ApplySchedule(second, c, step - 1);
                Trajectory.TrainStep(second, c);
                Deviation.AssertClose(Trajectory.Export(second), c.Parameters[step - 1], Tolerance, $"{name}, second instance after step {step}");
            }
            Deviation.AssertClose(Trajectory.Export(first), c.Parameters[step], Tolerance, $"{name}, first instance after step {step + 1}");
        }
    }
}
