using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Onnx;
using Xunit;
using static NetGen.Generator.Tests.Infrastructure.SafetensorsBytes;

namespace NetGen.Generator.Tests.Golden;

/// <summary>
/// A network declared by an ONNX model is the network its equivalent attributes declare: both files are, to the
/// character, those of the <c>[Network]</c> class with the same layers and the model's weights in a safetensors file
/// (but for the file's name). The equivalents are written here from the PyTorch modules that
/// Onnx/Data/make_onnx_models.py exported, and the weights from the initializers the `onnx` package read.
/// </summary>
public sealed class OnnxGoldenTests
{
    [Theory]
    [InlineData("Onnx.ClassifierNet.g.cs")]
    [InlineData("Onnx.ClassifierNet.Weights.g.cs")]
    public void An_onnx_networks_files_match_their_baselines_and_compile_cleanly(string hintName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([InMemoryAdditionalText.Weights("classifier.onnx", ExportedOnnxModels.Bytes("mlp_relu_softmax_opset13"))],
            "using NetGen;\nnamespace Onnx;\n[OnnxNetwork(\"classifier.onnx\")]\npublic partial class ClassifierNet;");

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Baseline.Verify(Assert.Single(outcome.Files, f => f.HintName == hintName).SourceText.ToString(), hintName + ".txt");
    }

    public static TheoryData<string, string, string> Equivalents() => new()
    {
        { "mlp_relu_softmax_opset13", "Loss.CrossEntropy", "[Input(4)] [Dense(8, Activation.ReLU)] [Dense(3, Activation.Softmax)]" },
        { "mlp_sigmoid_tanh_opset11", "Loss.MeanSquaredError", "[Input(3)] [Dense(5, Activation.Sigmoid)] [Dense(4, Activation.Tanh)] [Dense(2, Activation.Identity)]" },
        { "mlp_relu_opset9", "Loss.BinaryCrossEntropy", "[Input(2)] [Dense(6, Activation.ReLU)] [Dense(1, Activation.Sigmoid)]" },
        { "mlp_matmul_no_bias_opset13", "Loss.MeanSquaredError", "[Input(4)] [Dense(3, Activation.ReLU)] [Dense(2, Activation.Identity)]" },
        { "mlp_tanh_double_opset13", "Loss.MeanSquaredError, Precision = Precision.Double", "[Input(3)] [Dense(4, Activation.Tanh)] [Dense(2, Activation.Identity)]" },
    };

    [Theory]
    [MemberData(nameof(Equivalents))]
    public void An_onnx_network_is_the_network_its_equivalent_attributes_declare(string model, string network, string layers)
    {
        GeneratorOutcome fromOnnx = GeneratorHarness.Run([InMemoryAdditionalText.Weights("m.onnx", ExportedOnnxModels.Bytes(model))],
            "using NetGen;\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;");
        GeneratorOutcome fromAttributes = GeneratorHarness.Run([InMemoryAdditionalText.Weights("m.safetensors", Write(Tensors(model)))],
            $"using NetGen;\n[Network({network}, Weights = \"m.safetensors\")] {layers}\npublic partial class Net;");

        Assert.Empty(fromOnnx.CompilationProblems.Select(d => d.ToString()));
        Assert.Empty(fromAttributes.CompilationProblems.Select(d => d.ToString()));
        Assert.Equal(fromAttributes.Files.Select(f => f.HintName), fromOnnx.Files.Select(f => f.HintName));
        foreach (var (attributes, onnx) in fromAttributes.Files.Zip(fromOnnx.Files))
            Assert.Equal(attributes.SourceText.ToString().Replace("m.safetensors", "m.onnx"), onnx.SourceText.ToString());
    }

    [Fact]
    public void An_nn_Sequential_gives_its_layers_no_names()
    {
        // Its weights are named 0.weight and 2.weight, the numbering an unnamed network gives them anyway.
        string sequential = Code(ExportedOnnxModels.Bytes("mlp_relu_softmax_opset13"));

        Assert.DoesNotContain("Name", Description(sequential));
        Assert.Contains("LayerDescription(8, ", Description(sequential));
    }

    /// <summary>The model's initializers as the attribute-declared network's file names them: a MatMul's [in, out] weight transposed and a zero bias beside it.</summary>
    private static Tensor[] Tensors(string model)
    {
        using JsonDocument facts = JsonDocument.Parse(ExportedOnnxModels.Facts(model));
        var initializers = facts.RootElement.GetProperty("initializers").EnumerateArray().ToDictionary(
            i => i.GetProperty("name").GetString()!,
            i => (Dims: i.GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()).ToArray(), Values: i.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                Double: i.GetProperty("data_type").GetInt32() == 11));
        var tensors = new List<Tensor>();
        foreach (var (name, (dims, values, isDouble)) in initializers)
        {
            if (name.StartsWith("onnx::MatMul", StringComparison.Ordinal))
            {
                int rows = (int)dims[0], columns = (int)dims[1];
                double[] transposed = new double[values.Length];
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++)
                        transposed[c * rows + r] = values[r * columns + c];
                tensors.Add(Tensor.F32("0.weight", [columns, rows], [.. transposed.Select(v => (float)v)]));
                tensors.Add(Tensor.F32("0.bias", [columns], new float[columns]));
            }
            else
            {
                tensors.Add(isDouble ? Tensor.F64(name, dims, values) : Tensor.F32(name, dims, [.. values.Select(v => (float)v)]));
            }
        }
        return [.. tensors];
    }

    private static string Code(byte[] model) =>
        GeneratorHarness.Run([InMemoryAdditionalText.Weights("m.onnx", model)], "using NetGen;\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;")
            .Files.Single(f => f.HintName == "Net.g.cs").SourceText.ToString();

    private static string Description(string code)
    {
        int start = code.IndexOf("NetworkDescription Description", StringComparison.Ordinal);
        return code.Substring(start, code.IndexOf("});", start, StringComparison.Ordinal) - start);
    }
}
