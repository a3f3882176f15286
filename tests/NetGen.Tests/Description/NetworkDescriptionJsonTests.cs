using System.Linq;
using System.Text.Json;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Description;

/// <summary>
/// NetworkDescription.ToJson, which safetensors files carry in their metadata: written out by hand for one declaration,
/// and for every network of the catalog a JSON document whose layers are the declared ones.
/// </summary>
public sealed class NetworkDescriptionJsonTests
{
    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    [Fact]
    public void A_declaration_is_written_as_expected()
    {
        // TinySafetensorsNet: [Network(Loss.MeanSquaredError)] [Input(3)] [Dense(2, Tanh)] [Dense(1, Identity)], SGD(0.01) by
        // default, Xavier uniform for both (the default after Tanh and Identity), nn.Sequential numbering 0 and 2.
        string expected = """
            {"precision":"Single","loss":"MeanSquaredError","inputSize":3,"outputSize":1,"parameterCount":11,"l1":0,"l2":0,
            "layers":[{"inputSize":3,"outputSize":2,"activation":"Tanh","dropout":0,"init":"XavierUniform","initScale":1,"name":null,
            "weightName":"0.weight","biasName":"0.bias","parameterOffset":0},{"inputSize":2,"outputSize":1,"activation":"Identity","dropout":0,
            "init":"XavierUniform","initScale":1,"name":null,"weightName":"2.weight","biasName":"2.bias","parameterOffset":8}],
            "optimizer":{"kind":"Sgd","learningRate":0.01,"momentum":0,"dampening":0,"nesterov":false,"weightDecay":0,"beta1":0.9,
            "beta2":0.999,"epsilon":1E-08,"amsGrad":false,"alpha":0.99,"centered":false}}
            """.ReplaceLineEndings("");
        Assert.Equal(expected, TinySafetensorsNet.Description.ToJson());
    }

    [Fact]
    public void Leaky_relu_layers_carry_their_slope_and_named_layers_their_names()
    {
        using JsonDocument sequential = JsonDocument.Parse(SequentialWithDropoutNet.Description.ToJson());
        Assert.Equal(0.2, sequential.RootElement.GetProperty("layers")[1].GetProperty("negativeSlope").GetDouble());
        Assert.False(sequential.RootElement.GetProperty("layers")[0].TryGetProperty("negativeSlope", out _));
        using JsonDocument named = JsonDocument.Parse(NamedModulesNet.Description.ToJson());
        Assert.Equal(["lin_1", "lin_2"], named.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void Float_networks_write_their_layers(string name) => AssertLayers(NetworkCatalog.FloatNamed(name).Create().Description, NetworkCatalog.FloatNamed(name).Architecture);

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void Double_networks_write_their_layers(string name) => AssertLayers(NetworkCatalog.DoubleNamed(name).Create().Description, NetworkCatalog.DoubleNamed(name).Architecture);

    private static void AssertLayers(NetworkDescription description, Support.Architecture architecture)
    {
        using JsonDocument json = JsonDocument.Parse(description.ToJson());
        JsonElement root = json.RootElement;
        Assert.Equal(architecture.InputSize, root.GetProperty("inputSize").GetInt32());
        Assert.Equal(architecture.Loss.ToString(), root.GetProperty("loss").GetString());
        Assert.Equal(architecture.ParameterCount, root.GetProperty("parameterCount").GetInt32());
        Assert.Equal(
            architecture.Layers.Select(l => (l.Size, l.Activation.ToString())),
            root.GetProperty("layers").EnumerateArray().Select(l => (l.GetProperty("outputSize").GetInt32(), l.GetProperty("activation").GetString()!)));
    }
}
