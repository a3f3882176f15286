using System;

namespace NetGen.Optimizer.Tests.Support;

/// <summary>Runs a network through a PyTorch case's batch, the way the script does.</summary>
public static class Trajectory
{
    public static double TrainStep(INetwork<double> network, TrajectoryCase c) =>
        c.Loss == Loss.CrossEntropy
            ? network.TrainStep(PyTorchExpectations.Instance.Inputs, PyTorchExpectations.Instance.Labels)
            : network.TrainStep(PyTorchExpectations.Instance.Inputs, PyTorchExpectations.Instance.Targets);

    public static double ComputeGradients(INetwork<double> network, TrajectoryCase c) =>
        c.Loss == Loss.CrossEntropy
            ? network.ComputeGradients(PyTorchExpectations.Instance.Inputs, PyTorchExpectations.Instance.Labels)
            : network.ComputeGradients(PyTorchExpectations.Instance.Inputs, PyTorchExpectations.Instance.Targets);

    /// <summary>Sets the scheduled learning rate of <paramref name="step"/>, where the case has a schedule.</summary>
    public static void ApplySchedule(INetwork<double> network, TrajectoryCase c, int step)
    {
        if (c.LearningRates is { } rates)
            network.LearningRate = rates[step];
    }

    public static double[] Export(INetwork<double> network)
    {
        var values = new double[network.ParameterCount];
        network.ExportParameters(values);
        return values;
    }

    public static double[] ExportGradients(INetwork<double> network)
    {
        var values = new double[network.ParameterCount];
        network.ExportGradients(values);
        return values;
    }
}
