using System;
using NetGen.Optimizer.Tests.Networks;
using NetGen.Optimizer.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Optimizer.Tests.Trajectories;

/// <summary>A float network follows PyTorch's float64 trajectory to float accuracy.</summary>
public class SinglePrecisionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Relative to the largest parameter: float's 6e-8 rounding, grown over five steps through the
    /// gradient and, for Adam and RMSprop, the normalising denominator.
    /// </summary>
    private const double Tolerance = 1e-5;

    [Fact]
    public void FloatAdamTracksTheDoubleTrajectory() => Track(new AdamDefaultFloatNet(), "AdamDefault");

    [Fact]
    public void FloatCenteredRmsPropTracksTheDoubleTrajectory() => Track(new RmsPropCenteredFloatNet(), "RmsPropCentered");

    private void Track(INetwork<float> network, string name)
    {
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        var expectations = PyTorchExpectations.Instance;
        network.ImportParameters(ToFloat(expectations.InitialParameters));
        float[] inputs = ToFloat(expectations.Inputs);
        var exported = new float[network.ParameterCount];
        double worst = 0;
        for (int step = 0; step < c.Steps; step++)
        {
            float loss = c.Loss == Loss.CrossEntropy
                ? network.TrainStep(inputs, expectations.Labels)
                : network.TrainStep(inputs, ToFloat(expectations.Targets));
            network.ExportParameters(exported);
            double[] parameters = Array.ConvertAll(exported, x => (double)x);
            // floor 1: the deviation is measured against the largest parameter, float's absolute resolution.
            worst = Math.Max(worst, Deviation.MaxRelative(parameters, c.Parameters[step], floor: 1));
            Deviation.AssertClose(parameters, c.Parameters[step], Tolerance, $"float {name}, parameters after step {step + 1}", floor: 1);
            Deviation.AssertClose([loss], [c.Losses[step]], Tolerance, $"float {name}, loss of step {step + 1}");
        }
        output.WriteLine($"float {name}: largest deviation from PyTorch's float64 trajectory, relative to the largest parameter: {worst:E2}");
    }

    private static float[] ToFloat(double[] values) => Array.ConvertAll(values, x => (float)x);
}
