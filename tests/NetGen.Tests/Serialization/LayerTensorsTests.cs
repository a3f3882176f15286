using System.IO;
using System.Linq;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// A network's values under prefixed names beside its parameters, as a checkpoint stores an optimizer's moments: each
/// set comes back from its own prefix, and the strict check takes exactly the tensors it is given.
/// </summary>
public sealed class LayerTensorsTests
{
    [Fact]
    public void Values_under_prefixes_come_back_from_their_own_prefix()
    {
        NetworkDescription description = TinySafetensorsNet.Description;
        double[] parameters = [.. Enumerable.Range(0, 11).Select(i => i / 8.0)], moments = [.. Enumerable.Range(0, 11).Select(i => -i / 4.0)];
        var writer = new SafetensorsWriter();
        LayerTensors.Add<double>(writer, description, parameters);
        LayerTensors.Add<double>(writer, description, moments, "exp_avg.");
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        SafetensorsReader reader = SafetensorsReader.Read(new MemoryStream(stream.ToArray()));

        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "exp_avg.0.weight", "exp_avg.0.bias", "exp_avg.2.weight", "exp_avg.2.bias"],
            reader.Tensors.Select(t => t.Name));
        Assert.Equal("", LayerTensors.Differences(reader, [.. LayerTensors.Shapes(description), .. LayerTensors.Shapes(description, "exp_avg.")]));
        InvalidDataException Invalid(string what) => new(what);
        Assert.Equal(parameters, LayerTensors.Read<double>(reader, description, Invalid));
        Assert.Equal(moments, LayerTensors.Read<double>(reader, description, Invalid, "exp_avg."));

        Assert.Contains("tensor 'exp_avg.0.weight' [2, 3] is not one of the network's", LayerTensors.Differences(reader, LayerTensors.Shapes(description)));
        Assert.Contains("tensor 'exp_avg_sq.2.bias' [1] is missing",
            LayerTensors.Differences(reader, [.. LayerTensors.Shapes(description), .. LayerTensors.Shapes(description, "exp_avg_sq.")]));
    }
}
