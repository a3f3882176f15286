using System;
using System.Linq;
using NetGen.CompiledWeights.Tests.Networks;
using Xunit;

namespace NetGen.CompiledWeights.Tests;

/// <summary>
/// A compiled-weights network is an ordinary network that starts from the file: the seed does not change its
/// parameters, training moves them from there, and a clone carries them.
/// </summary>
public sealed class CompiledWeightsBehaviourTests
{
    [Fact]
    public void The_seed_does_not_change_the_compiled_parameters()
    {
        Assert.Equal(Parameters(new NamedF32FloatNet(seed: 1)), Parameters(new NamedF32FloatNet(seed: 2)));
    }

    [Fact]
    public void Training_continues_from_the_compiled_parameters_and_leaves_the_compiled_data_as_it_was()
    {
        var network = new NamedF32FloatNet();
        float[] start = Parameters(network);
        var inputs = Enumerable.Range(0, 64 * 4).Select(i => (float)Math.Sin(i)).ToArray();
        int[] labels = [1, 3, 5, 7];
        float before = network.ComputeGradients(inputs, labels);

        for (int step = 0; step < 20; step++)
            network.TrainStep(inputs, labels);

        Assert.NotEqual(start, Parameters(network));
        Assert.True(network.ComputeGradients(inputs, labels) < before, "the loss went down from the compiled parameters");
        Assert.Equal(start, Parameters(new NamedF32FloatNet()));
    }

    [Fact]
    public void A_clone_holds_the_parameters_the_original_trained_to()
    {
        var network = new SequentialF32FloatNet(seed: 3);
        network.TrainStep(Enumerable.Range(0, 6).Select(i => (float)i / 6).ToArray(), new[] { 2 });

        Assert.Equal(Parameters(network), Parameters(network.Clone()));
    }

    private static T[] Parameters<T>(INetwork<T> network) where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }
}
