using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Xml.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Saving a network and loading the file into another instance gives back every parameter to the bit, through a
/// path, a seekable stream and a stream of unknown length; the file names and shapes its tensors as PyTorch does and
/// says in its metadata what it holds.
/// </summary>
public sealed class SafetensorsRoundTripTests
{
    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void Float_networks_come_back_to_the_bit(string name) => AssertRoundTrip(NetworkCatalog.FloatNamed(name).Create);

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void Double_networks_come_back_to_the_bit(string name) => AssertRoundTrip(NetworkCatalog.DoubleNamed(name).Create);

    [Fact]
    public void Named_modules_come_back_to_the_bit() => AssertRoundTrip<float>(seed => new NamedModulesNet(seed));

    [Fact]
    public void Sequential_numbering_with_dropout_comes_back_to_the_bit() => AssertRoundTrip<double>(seed => new SequentialWithDropoutNet(seed));

    [Fact]
    public void Named_modules_are_saved_under_their_names_with_pytorchs_shapes()
    {
        byte[] file = Save(new NamedModulesNet(seed: 3));
        using JsonDocument header = RawSafetensors.Parse(file);
        var tensors = header.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__")
            .Select(p => (p.Name, p.Value.GetProperty("dtype").GetString(), string.Join("x", p.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()))))
            .ToArray();
        Assert.Equal([("lin_1.weight", "F32", "256x784"), ("lin_1.bias", "F32", "256"), ("lin_2.weight", "F32", "10x256"), ("lin_2.bias", "F32", "10")], tensors);
    }

    [Fact]
    public void Double_networks_are_saved_as_F64_and_float_networks_as_F32()
    {
        using JsonDocument doubles = RawSafetensors.Parse(Save(new SequentialWithDropoutNet(seed: 1)));
        using JsonDocument floats = RawSafetensors.Parse(Save(new NamedModulesNet(seed: 1)));
        Assert.Equal("F64", doubles.RootElement.GetProperty("0.weight").GetProperty("dtype").GetString());
        Assert.Equal("F32", floats.RootElement.GetProperty("lin_1.weight").GetProperty("dtype").GetString());
    }

    [Fact]
    public void The_metadata_says_pt_the_version_of_version_props_and_the_architecture()
    {
        string version = XDocument.Load(RepositoryFiles.PathOf("Version.props")).Descendants("Version").Single().Value;
        using JsonDocument header = RawSafetensors.Parse(Save(new SequentialWithDropoutNet(seed: 1)));
        JsonElement metadata = header.RootElement.GetProperty("__metadata__");
        Assert.Equal("pt", metadata.GetProperty("format").GetString());
        Assert.Equal(version, metadata.GetProperty("netgen.version").GetString());

        using JsonDocument network = JsonDocument.Parse(metadata.GetProperty("netgen.network").GetString()!);
        JsonElement root = network.RootElement;
        Assert.Equal("Double", root.GetProperty("precision").GetString());
        Assert.Equal("CrossEntropy", root.GetProperty("loss").GetString());
        Assert.Equal(4, root.GetProperty("inputSize").GetInt32());
        Assert.Equal("Adam", root.GetProperty("optimizer").GetProperty("kind").GetString());
        Assert.Equal(1e-3, root.GetProperty("optimizer").GetProperty("learningRate").GetDouble());
        var layers = root.GetProperty("layers").EnumerateArray().Select(l => (
            l.GetProperty("inputSize").GetInt32(), l.GetProperty("outputSize").GetInt32(), l.GetProperty("activation").GetString(),
            l.GetProperty("dropout").GetDouble(), l.GetProperty("weightName").GetString())).ToArray();
        // The declaration in Networks/NamedModuleNetworks.cs, numbered as nn.Sequential numbers its modules.
        Assert.Equal([(4, 8, "ReLU", 0.5, "0.weight"), (8, 6, "LeakyReLU", 0.0, "3.weight"), (6, 5, "Identity", 0.0, "5.weight"),
            (5, 3, "Softmax", 0.0, "6.weight")], layers);
        Assert.Equal(0.2, root.GetProperty("layers")[1].GetProperty("negativeSlope").GetDouble());
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes()
    {
        var network = new SequentialWithDropoutNet(seed: 5);
        Assert.Equal(Save(network), Save(network));
    }

    private static void AssertRoundTrip<T>(Func<int, INetwork<T>> create) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> saved = create(11);
        byte[] file = Save(saved);
        T[] expected = Export(saved);

        INetwork<T> fromStream = create(12);
        Assert.NotEqual(expected, Export(fromStream));
        fromStream.LoadSafetensors(new MemoryStream(file));
        Assert.Equal(expected, Export(fromStream));

        INetwork<T> fromUnseekable = create(13);
        fromUnseekable.LoadSafetensors(new RawSafetensors.UnseekableStream(file));
        Assert.Equal(expected, Export(fromUnseekable));

        string path = Path.Combine(Path.GetTempPath(), $"netgen-{Guid.NewGuid():N}.safetensors");
        try
        {
            saved.SaveSafetensors(path);
            Assert.Equal(file, File.ReadAllBytes(path));
            INetwork<T> fromPath = create(14);
            fromPath.LoadSafetensors(path);
            Assert.Equal(expected, Export(fromPath));

            T[] input = Enumerable.Range(0, saved.InputSize).Select(i => T.CreateTruncating(Math.Sin(i + 1))).ToArray();
            T[] before = new T[saved.OutputSize], after = new T[saved.OutputSize];
            saved.Forward(input, before);
            fromPath.Forward(input, after);
            Assert.Equal(before, after);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static byte[] Save<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var stream = new MemoryStream();
        network.SaveSafetensors(stream);
        return stream.ToArray();
    }

    internal static T[] Export<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }
}
