using System.IO;
using System.Linq;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// A network's values under prefixed names beside its parameters, as a checkpoint stores an optimizer's moments: each
/// set comes back from its own prefix, and the strict check takes exactly the prefixes it is given.
/// </summary>
public sealed class NetworkTensorsTests
{
    [Fact]
    public void Values_under_prefixes_come_back_from_their_own_prefix()
    {
        NetworkDescription description = TinySafetensorsNet.Description;
        double[] parameters = [.. Enumerable.Range(0, 11).Select(i => i / 8.0)], moments = [.. Enumerable.Range(0, 11).Select(i => -i / 4.0)];
        var writer = new SafetensorsWriter();
        NetworkTensors.Add<double>(writer, description, parameters);
        NetworkTensors.Add<double>(writer, description, moments, "exp_avg.");
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        SafetensorsReader reader = SafetensorsReader.Read(new MemoryStream(stream.ToArray()));

        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "exp_avg.0.weight", "exp_avg.0.bias", "exp_avg.2.weight", "exp_avg.2.bias"],
            reader.Tensors.Select(t => t.Name));
        NetworkTensors.CheckExactly(reader, description, "", "exp_avg.");
        Assert.Equal(parameters, NetworkTensors.Read<double>(reader, description));
        Assert.Equal(moments, NetworkTensors.Read<double>(reader, description, "exp_avg."));

        var error = Assert.Throws<InvalidDataException>(() => NetworkTensors.CheckExactly(reader, description, ""));
        Assert.Contains("tensor 'exp_avg.0.weight' [2, 3] is not one of the network's", error.Message);
        error = Assert.Throws<InvalidDataException>(() => NetworkTensors.CheckExactly(reader, description, "", "exp_avg_sq."));
        Assert.Contains("tensor 'exp_avg_sq.2.bias' [1] is missing", error.Message);
    }
}
