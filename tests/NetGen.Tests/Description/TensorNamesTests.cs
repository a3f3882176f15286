using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Description;

/// <summary>
/// Tensor names and shapes as PyTorch's state_dict has them (Data/state_dict_names.json, written by
/// make_state_dict_names.py), for a model of named modules and an nn.Sequential with dropout and an identity.
/// </summary>
public sealed class TensorNamesTests
{
    private static readonly Dictionary<string, (string Name, int[] Shape)[]> s_pytorch = Load();

    [Fact]
    public void Named_modules_take_their_names() => AssertNames(nameof(NamedModulesNet), NamedModulesNet.Description);

    [Fact]
    public void Sequential_layers_are_numbered_as_pytorch_numbers_modules() =>
        AssertNames(nameof(SequentialWithDropoutNet), SequentialWithDropoutNet.Description);

    [Fact]
    public void The_interface_gives_the_class_description()
    {
        INetwork<float> network = new NamedModulesNet();
        Assert.Same(NamedModulesNet.Description, network.Description);
        Assert.Equal("lin_1", NamedModulesNet.Description.Layers[0].Name);
    }

    private static void AssertNames(string network, NetworkDescription description)
    {
        var described = description.Layers
            .SelectMany(l => new[] { (l.WeightName, new[] { l.OutputSize, l.InputSize }), (l.BiasName, new[] { l.OutputSize }) })
            .ToArray();
        (string Name, int[] Shape)[] expected = s_pytorch[network];
        Assert.Equal(expected.Select(e => e.Name), described.Select(d => d.Item1));
        Assert.Equal(expected.Select(e => string.Join("x", e.Shape)), described.Select(d => string.Join("x", d.Item2)));
    }

    private static Dictionary<string, (string Name, int[] Shape)[]> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "state_dict_names.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateObject().ToDictionary(
            model => model.Name,
            model => model.Value.EnumerateArray()
                .Select(entry => (entry[0].GetString()!, entry[1].EnumerateArray().Select(d => d.GetInt32()).ToArray()))
                .ToArray());
    }
}
