using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using NetGen.Kernels;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Layout;

/// <summary>
/// A first layer that holds its weights panel by panel (<see cref="NetGen.Kernels.Layout.HoldsPanels{T}"/>, decided once
/// per network type): each weight lies where the layout's definition puts it, a seed draws the same network as
/// input-major weights would hold, and a training step over several chunks, whose optimizer steps on each block of the
/// first layer's rows (a range in each panel), changes the parameters exactly as the gradient and then the optimizer's
/// step over all of them do.
/// </summary>
public class PanelLayoutTests
{
    [Fact]
    public void Each_float_weight_lies_where_the_layout_puts_it() => AssertWeightsInPlace(new PanelFloatNet(1), typeof(PanelFloatNet), 64);

    [Fact]
    public void Each_double_weight_lies_where_the_layout_puts_it() => AssertWeightsInPlace(new PanelDoubleNet(1), typeof(PanelDoubleNet), 32);

    [Fact]
    public void A_seed_draws_the_network_it_draws_input_major()
    {
        AssertDrawnAsInputMajor(new PanelFloatNet(5), PanelFloatNet.Description, 5);
        AssertDrawnAsInputMajor(new PanelDoubleNet(6), PanelDoubleNet.Description, 6);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(150)]
    public void A_float_training_step_is_its_gradient_then_its_update(int batch)
    {
        var stepped = new PanelFloatNet(2);
        var applied = new PanelFloatNet(2);
        var data = new TestData(batch);
        for (int step = 0; step < 3; step++)
        {
            float[] inputs = data.Normals(batch * PanelFloatNet.InputSize).Select(v => (float)v).ToArray();
            int[] labels = Enumerable.Range(0, batch).Select(_ => data.Integer(PanelFloatNet.OutputSize)).ToArray();
            float loss = stepped.TrainStep(inputs, labels);
            Assert.Equal(applied.ComputeGradients(inputs, labels), loss);
            applied.ApplyGradients();
            Assert.Equal(applied.Parameters.ToArray(), stepped.Parameters.ToArray());
        }
        Assert.NotEqual(new PanelFloatNet(2).Parameters.ToArray(), stepped.Parameters.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(150)]
    public void A_double_training_step_is_its_gradient_then_its_update(int batch)
    {
        var stepped = new PanelDoubleNet(3);
        var applied = new PanelDoubleNet(3);
        var data = new TestData(batch + 1);
        for (int step = 0; step < 3; step++)
        {
            double[] inputs = data.Normals(batch * PanelDoubleNet.InputSize);
            double[] targets = data.Normals(batch * PanelDoubleNet.OutputSize);
            double loss = stepped.TrainStep(inputs, targets);
            Assert.Equal(applied.ComputeGradients(inputs, targets), loss);
            applied.ApplyGradients();
            Assert.Equal(applied.Parameters.ToArray(), stepped.Parameters.ToArray());
        }
        Assert.NotEqual(new PanelDoubleNet(3).Parameters.ToArray(), stepped.Parameters.ToArray());
    }

    /// <summary>Whether the network type keeps its first layer panel by panel, as it decided when its type was first used.</summary>
    private static bool HoldsPanels(Type network) =>
        (bool)network.GetField("Layer1Panels", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static void AssertWeightsInPlace<T>(INetwork<T> network, Type type, int width) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int inSize = network.InputSize, outSize = network.Description.Layers[0].OutputSize;
        T[] canonical = Enumerable.Range(0, network.ParameterCount).Select(k => T.CreateChecked(k)).ToArray();
        network.ImportParameters(canonical);
        bool panels = HoldsPanels(type);
        for (int o = 0; o < outSize; o++)
        {
            for (int i = 0; i < inSize; i++)
            {
                int at = panels ? o / width * (inSize * width) + i * width + o % width : i * outSize + o;
                Assert.Equal(canonical[o * inSize + i], network.Parameters[at]);
            }
        }
        // The bias and the next layer follow as they would input-major.
        Assert.Equal(canonical.AsSpan(inSize * outSize, outSize).ToArray(), network.Parameters.Slice(inSize * outSize, outSize).ToArray());
    }

    private static void AssertDrawnAsInputMajor<T>(INetwork<T> network, NetworkDescription description, int seed)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var inputMajor = new T[description.ParameterCount];
        Initializers.InitializeNetwork<T>(inputMajor, description, new SeededRandom(seed));
        var expected = new T[description.ParameterCount];
        foreach (LayerDescription layer in description.Layers)
        {
            int offset = layer.ParameterOffset, inSize = layer.InputSize, outSize = layer.OutputSize;
            for (int o = 0; o < outSize; o++)
                for (int i = 0; i < inSize; i++)
                    expected[offset + o * inSize + i] = inputMajor[offset + i * outSize + o];
            inputMajor.AsSpan(offset + inSize * outSize, outSize).CopyTo(expected.AsSpan(offset + inSize * outSize));
        }
        var exported = new T[description.ParameterCount];
        network.ExportParameters(exported);
        Assert.Equal(expected, exported);
    }
}
