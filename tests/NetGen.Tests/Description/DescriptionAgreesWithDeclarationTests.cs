using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Description;

/// <summary>
/// Every generated network's Description says what the test's own Architecture (written beside the
/// attributes) says: sizes, activations, slopes, loss, the canonical offsets, and the tensor names of
/// the nn.Sequential that PyTorch would number for it.
/// </summary>
public sealed class DescriptionAgreesWithDeclarationTests
{
    public static TheoryData<string> DoubleNames => NetworkCatalog.Names(NetworkCatalog.Double);

    public static TheoryData<string> FloatNames => NetworkCatalog.Names(NetworkCatalog.Float);

    [Theory]
    [MemberData(nameof(DoubleNames))]
    public void Double_network_describes_its_declaration(string name) => AssertAgrees(NetworkCatalog.DoubleNamed(name), Precision.Double);

    [Theory]
    [MemberData(nameof(FloatNames))]
    public void Float_network_describes_its_declaration(string name) => AssertAgrees(NetworkCatalog.FloatNamed(name), Precision.Single);

    private static void AssertAgrees<T>(NetworkCase<T> network, Precision precision) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> instance = network.Create();
        NetworkDescription description = instance.Description;
        Architecture expected = network.Architecture;

        Assert.Equal(precision, description.Precision);
        Assert.Equal(expected.Loss, description.Loss);
        Assert.Equal(expected.InputSize, description.InputSize);
        Assert.Equal(expected.OutputSize, description.OutputSize);
        Assert.Equal(expected.ParameterCount, description.ParameterCount);
        Assert.Equal(instance.LearningRate, T.CreateChecked(description.Optimizer.LearningRate));
        Assert.Equal(expected.Layers.Length, description.Layers.Count);
        List<string> names = SequentialNames(expected);
        for (int l = 0; l < expected.Layers.Length; l++)
        {
            LayerDescription layer = description.Layers[l];
            Assert.Equal(expected.FanIn(l), layer.InputSize);
            Assert.Equal(expected.Layers[l].Size, layer.OutputSize);
            Assert.Equal(expected.Layers[l].Activation, layer.Activation);
            if (layer.Activation == Activation.LeakyReLU)
                Assert.Equal(expected.Layers[l].NegativeSlope, layer.NegativeSlope);
            Assert.Equal(expected.CanonicalOffset(l), layer.ParameterOffset);
            Assert.Null(layer.Name);
            Assert.Equal(names[2 * l], layer.WeightName);
            Assert.Equal(names[2 * l + 1], layer.BiasName);
        }
    }

    /// <summary>
    /// The state_dict keys of <c>nn.Sequential(Linear, activation, Linear, …)</c>, numbered as nn.Sequential numbers
    /// its children: one index per module, and an activation is a module unless it is the identity. The catalog
    /// networks have no dropout, which would take an index of its own.
    /// </summary>
    private static List<string> SequentialNames(Architecture architecture)
    {
        var names = new List<string>();
        int index = 0;
        foreach (LayerShape layer in architecture.Layers)
        {
            names.Add($"{index}.weight");
            names.Add($"{index}.bias");
            index += layer.Activation == Activation.Identity ? 1 : 2;
        }
        return names;
    }
}
