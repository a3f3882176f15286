using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using NetGen.CompiledWeights.Tests.Networks;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.CompiledWeights.Tests;

/// <summary>
/// Networks compiled from the safetensors files PyTorch wrote, in F32, F64, F16 and BF16, into float and double
/// networks, give PyTorch's outputs on the script's inputs (float 1e-5 relative, double 1e-12), and hold, to the
/// bit, the parameters that the runtime's own reader loads from the same file into the same declaration. Every
/// expected output is PyTorch's, from ../NetGen.Tests/Data/make_safetensors_interop.py.
/// </summary>
public sealed class PyTorchCompiledWeightsTests
{
    private const double FloatTolerance = 1e-5, DoubleTolerance = 1e-12;

    private static readonly Dictionary<string, Func<object>> s_compiled = new()
    {
        ["seq_f32.safetensors as float32"] = () => new SequentialF32FloatNet(),
        ["seq_f32.safetensors as float64"] = () => new SequentialF32DoubleNet(),
        ["seq_f64.safetensors as float64"] = () => new SequentialF64DoubleNet(),
        ["seq_f16.safetensors as float32"] = () => new SequentialF16FloatNet(),
        ["seq_f16.safetensors as float64"] = () => new SequentialF16DoubleNet(),
        ["seq_bf16.safetensors as float32"] = () => new SequentialBF16FloatNet(),
        ["seq_bf16.safetensors as float64"] = () => new SequentialBF16DoubleNet(),
        ["named_f32.safetensors as float32"] = () => new NamedF32FloatNet(),
        ["named_f32.safetensors as float64"] = () => new NamedF32DoubleNet(),
        ["named_f64.safetensors as float64"] = () => new NamedF64DoubleNet(),
        ["named_f16.safetensors as float32"] = () => new NamedF16FloatNet(),
        ["named_f16.safetensors as float64"] = () => new NamedF16DoubleNet(),
        ["named_bf16.safetensors as float32"] = () => new NamedBF16FloatNet(),
        ["named_bf16.safetensors as float64"] = () => new NamedBF16DoubleNet(),
        ["named784_bf16.safetensors as float32"] = () => new Named784BF16FloatNet(),
    };

    public static TheoryData<string> Files => new(SafetensorsInterop.Data.GetProperty("loads").EnumerateArray().Select(SafetensorsInterop.Key));

    [Fact]
    public void Every_file_and_precision_pytorch_recorded_has_a_compiled_network()
    {
        Assert.Equal(SafetensorsInterop.Data.GetProperty("loads").EnumerateArray().Select(SafetensorsInterop.Key).Order(), s_compiled.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_network_compiled_from_a_file_pytorch_wrote_gives_pytorchs_outputs(string key)
    {
        JsonElement entry = Entry(key);
        switch (s_compiled[key]())
        {
            case INetwork<float> network:
                AssertMatchesPyTorch(network, entry, FloatTolerance);
                break;
            case INetwork<double> network:
                AssertMatchesPyTorch(network, entry, DoubleTolerance);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_compiled_parameters_are_those_the_runtime_loads_from_the_file(string key)
    {
        JsonElement entry = Entry(key);
        string path = Path.Combine(AppContext.BaseDirectory, "Data", entry.GetProperty("file").GetString()!);
        switch (s_compiled[key]())
        {
            case INetwork<float> network:
                Assert.Equal(Exported(Loaded<float>(network, path)), Exported(network));
                break;
            case INetwork<double> network:
                Assert.Equal(Exported(Loaded<double>(network, path)), Exported(network));
                break;
        }
    }

    private static INetwork<T> Loaded<T>(INetwork<T> compiled, string path) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        object twin = (compiled.Description.InputSize, compiled.Description.Layers[0].Name, compiled.Description.Precision) switch
        {
            (6, null, Precision.Single) => new SequentialInteropFloatNet(),
            (6, null, Precision.Double) => new SequentialInteropDoubleNet(),
            (64, _, Precision.Single) => new NamedInteropFloatNet(),
            (64, _, Precision.Double) => new NamedInteropDoubleNet(),
            (784, _, _) => (object)new Loaded784FloatNet(),
            var other => throw new ArgumentException($"No runtime twin for {other}."),
        };
        var network = (INetwork<T>)twin;
        network.LoadSafetensors(path);
        return network;
    }

    private static T[] Exported<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }

    private static void AssertMatchesPyTorch<T>(INetwork<T> network, JsonElement entry, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        SafetensorsInterop.AssertOutputsMatch(network, entry, tolerance);

    private static JsonElement Entry(string key) => SafetensorsInterop.Entry("loads", key);
}
