using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Safetensors files move between NetGen and PyTorch both ways. Files that PyTorch models were saved to in F32, F64,
/// F16 and BF16 (an nn.Sequential with dropout and named modules, lin_1 and lin_2) load into the matching NetGen
/// networks and give PyTorch's outputs; the half-precision values arrive exactly as PyTorch converts them; and the
/// files NetGen wrote, read by the script into PyTorch with a strict load_state_dict, give there what NetGen's
/// Forward gives here. Every expected number is PyTorch's, from Data/make_safetensors_interop.py.
/// </summary>
public sealed class SafetensorsPyTorchInteropTests
{
    private const double FloatTolerance = 1e-5, DoubleTolerance = 1e-12;

    public static TheoryData<string> PyTorchFiles => new(SafetensorsInterop.Data.GetProperty("loads").EnumerateArray().Select(SafetensorsInterop.Key));

    public static TheoryData<string> NetGenFiles => new(SafetensorsInterop.Data.GetProperty("netgen").EnumerateArray().Select(SafetensorsInterop.Key));

    [Theory]
    [MemberData(nameof(PyTorchFiles))]
    public void Files_pytorch_wrote_load_and_give_pytorchs_outputs(string key)
    {
        JsonElement entry = SafetensorsInterop.Entry("loads", key);
        string path = Path.Combine(AppContext.BaseDirectory, "Data", entry.GetProperty("file").GetString()!);
        switch (Create(entry))
        {
            case INetwork<float> network:
                network.LoadSafetensors(path);
                AssertMatchesPyTorch(network, entry, FloatTolerance);
                break;
            case INetwork<double> network:
                network.LoadSafetensors(path);
                AssertMatchesPyTorch(network, entry, DoubleTolerance);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(NetGenFiles))]
    public void Files_netgen_wrote_give_in_pytorch_what_they_give_in_netgen(string key)
    {
        JsonElement entry = SafetensorsInterop.Entry("netgen", key);
        switch (NetGenWrittenFiles.Network(entry.GetProperty("file").GetString()!))
        {
            case INetwork<float> network:
                AssertMatchesPyTorch(network, entry, FloatTolerance);
                break;
            case INetwork<double> network:
                AssertMatchesPyTorch(network, entry, DoubleTolerance);
                break;
        }
    }

    [Fact]
    public void The_full_size_named_model_loads_from_bfloat16()
    {
        // MultiLayerPerceptronClass as the material declares it, 784-256-10: NamedModulesNet.
        JsonElement entry = SafetensorsInterop.Entry("loads", "named784_bf16.safetensors as float32");
        Assert.IsType<NamedModulesNet>(Create(entry));
    }

    /// <summary>Checks the parameters, where the script recorded them, to the bit, then the outputs on the script's inputs.</summary>
    private static void AssertMatchesPyTorch<T>(INetwork<T> network, JsonElement entry, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (entry.TryGetProperty("parameters", out JsonElement parameters))
        {
            double[] exported = [.. SafetensorsRoundTripTests.Export(network).Select(double.CreateTruncating)];
            Assert.Equal(SafetensorsInterop.Numbers(parameters), exported);
        }
        SafetensorsInterop.AssertOutputsMatch(network, entry, tolerance);
    }

    private static object Create(JsonElement entry) => (entry.GetProperty("model").GetString(), entry.GetProperty("precision").GetString()) switch
    {
        ("sequential", "float32") => new SequentialInteropFloatNet(),
        ("sequential", "float64") => new SequentialInteropDoubleNet(),
        ("named", "float32") => new NamedInteropFloatNet(),
        ("named", "float64") => new NamedInteropDoubleNet(),
        ("named784", "float32") => new NamedModulesNet(),
        var other => throw new ArgumentException($"No network for {other}."),
    };

}
