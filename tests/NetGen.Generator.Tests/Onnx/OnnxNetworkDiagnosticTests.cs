using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// Each way an ONNX model can fail to be a network is one error at the path in <c>[OnnxNetwork("...")]</c>, naming
/// the node and its operator, or the value, shape or file at fault, and how to fix it; the class still gets its
/// public surface, so that the error is the only one. The models come from Data/make_unmappable_models.py, each a
/// valid 3-4-2 MLP but for one fault.
/// </summary>
public sealed class OnnxNetworkDiagnosticTests
{
    public static TheoryData<string, string, string, string[]> Unmappable() => new()
    {
        { "conv_node", "", "NG0034", ["node 'conv' (Conv)", "is not an operator NetGen maps"] },
        { "custom_domain", "", "NG0034", ["node 'fused' (FusedGelu)", "domain 'com.microsoft'"] },
        { "gemm_alpha", "", "NG0034", ["node 'layer1' (Gemm)", "alpha = 2"] },
        { "gemm_trans_a", "", "NG0034", ["node 'layer1' (Gemm)", "transA = 1"] },
        { "softmax_axis0", "", "NG0034", ["node 'softmax' (Softmax)", "axis 0"] },
        { "log_softmax", "", "NG0034", ["node 'log_softmax' (LogSoftmax)", "log-softmax"] },
        { "input_scaled_first", "", "NG0034", ["node 'scale' (Mul)", "before the first Gemm or MatMul"] },
        { "weight_from_node", "", "NG0034", ["node 'layer1' (Gemm)", "weight 'w1t' from another node"] },
        { "vector_constant", "", "NG0034", ["node 'scale_by_vector' (Mul)", "constant 'b1'", "shape [4]"] },
        { "gelu_before_opset20", "", "NG0034", ["node 'gelu' (Gelu)", "defined from opset 20 on, and the model imports opset 17"] },
        { "dropout_training", "", "NG0034", ["node 'dropout' (Dropout)", "training_mode input 'training'", "model.eval()"] },
        { "constant_floats", "", "NG0034", ["node 'scale_by_floats' (Mul)", "constant 'scales' of FLOAT and shape [4]"] },
        { "two_inputs", "", "NG0035", ["2 inputs ('x', 'x2')"] },
        { "branch", "", "NG0035", ["the value 'x' feeds 2 nodes ('layer1' (Gemm), 'side' (Gemm))", "a chain"] },
        { "two_outputs", "", "NG0035", ["2 outputs ('y', 't')"] },
        { "self_loop", "", "NG0035", ["cycle through the value 'v'"] },
        { "dynamic_features", "", "NG0036", ["input 'x' has shape [batch, features]", "only the batch"] },
        { "rank3_input", "", "NG0036", ["input 'x' has shape [batch, 1, 3]", "[batch, features]"] },
        { "int_input", "", "NG0036", ["input 'x' holds INT64 values"] },
        { "width_mismatch", "", "NG0036", ["node 'layer1' (Gemm) takes 5 values a sample", "weight 'w1' of shape [4, 3] takes 3"] },
        { "empty_weight", "", "NG0036", ["the weight 'w1' of node 'layer1' (Gemm) has shape [0, 3]"] },
        { "opset8", "", "NG0037", ["operator set 8"] },
        { "opset22", "", "NG0037", ["operator set 22"] },
        { "selu", "", "NG0038", ["after layer 1, node 'selu' (Selu) computes a function that is none of NetGen's activations"] },
        { "elu_alpha", "", "NG0038", ["node 'elu' (Elu)", "ELU (alpha 1)"] },
        { "relu_clamped_at_8", "", "NG0038", ["the 2 nodes from 'relu' (Relu) to 'clamp' (Min)"] },
        { "int8_weight", "", "NG0036", ["the weight 'w1' of node 'layer1' (Gemm) holds INT8 values", "before quantizing"] },
        { "nan_weight", "", "NG0032", ["Tensor 'w2'", "holds NaN at index 6"] },
        { "nan_matmul_weight", "", "NG0032", ["Tensor 'w1'", "holds NaN at index 6"] },
        { "float64", ", Precision = Precision.Single", "NG0031", ["float64 values", "single-precision"] },
        { "float64", ", Loss = Loss.CrossEntropy", "NG0006", ["Loss.CrossEntropy", "Identity: end the model in nn.Softmax(dim=1)"] },
    };

    [Theory]
    [MemberData(nameof(Unmappable))]
    public void An_unmappable_model_is_one_error_at_the_path_that_names_what_is_wrong(string model, string arguments, string id, string[] phrases)
    {
        Diagnostic error = Single([Model("m.onnx", Bytes(model))], Source(arguments), id);

        foreach (string phrase in phrases)
            Assert.Contains(phrase, error.GetMessage());
    }

    [Fact]
    public void A_model_mapped_without_fault_compiles_with_no_diagnostic()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([Model("m.onnx", ExportedOnnxModels.Bytes("mlp_relu_softmax_opset13"))], Source(""));

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Equal(new[] { "Net.g.cs", "Net.Weights.g.cs" }, outcome.Files.Select(f => f.HintName).Order());
    }

    [Fact]
    public void A_network_and_an_onnx_network_whose_names_differ_only_in_case_get_files_of_their_own()
    {
        string source = "using NetGen;\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;\n"
            + "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Identity)]\npublic partial class NET;";

        GeneratorOutcome outcome = GeneratorHarness.Run([Model("m.onnx", ExportedOnnxModels.Bytes("mlp_relu_opset9"))], source);

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Equal(3, outcome.Files.Select(f => f.HintName.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public void NG0024_a_model_not_among_the_additional_files_says_how_to_list_it()
    {
        Diagnostic error = Single([Model("models/other.onnx", ExportedOnnxModels.Bytes("mlp_relu_opset9"))], Source(""), "NG0024");

        Assert.Contains("<AdditionalFiles Include=\"m.onnx\" />", error.GetMessage());
        Assert.Contains("(the ONNX files it lists: 'models/other.onnx')", error.GetMessage());
    }

    [Fact]
    public void NG0025_a_listed_onnx_file_that_no_build_step_handed_over()
    {
        Diagnostic error = Single([new InMemoryAdditionalText("/project/m.onnx", null)], Source(""), "NG0025");

        Assert.Contains("NetGen.targets", error.GetMessage());
    }

    [Fact]
    public void NG0026_an_encoded_model_that_is_not_base64()
    {
        var file = new InMemoryAdditionalText("/project/obj/netgen/m.onnx.0.netgen-weights", "NetGen weights file 1\nm.onnx\n#not base64#\n");

        Diagnostic error = Single([file], Source(""), "NG0026");

        Assert.Contains("not base64", error.GetMessage());
    }

    [Fact]
    public void NG0033_a_file_that_is_not_onnx_says_where_it_breaks()
    {
        byte[] model = ExportedOnnxModels.Bytes("mlp_relu_opset9");

        Diagnostic error = Single([Model("m.onnx", model[..^7])], Source(""), "NG0033");

        Assert.Contains("is not a valid ONNX model", error.GetMessage());
        Assert.Contains("at byte", error.GetMessage());
    }

    [Theory]
    [InlineData("[Input(3)]", "[Input]")]
    [InlineData("[Dense(2, Activation.Tanh)]", "[Dense]")]
    [InlineData("[Network(Loss.MeanSquaredError)]", "[Network]")]
    public void NG0039_an_onnx_network_declares_no_layers_of_its_own(string attribute, string named)
    {
        string source = $"using NetGen;\n{attribute}\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;";

        GeneratorOutcome outcome = GeneratorHarness.Run([Model("m.onnx", ExportedOnnxModels.Bytes("mlp_relu_opset9"))], source);

        Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("NG0039", error.Id);
        Assert.Equal(source.IndexOf(attribute.Substring(1, attribute.Length - 2), StringComparison.Ordinal), error.Location.SourceSpan.Start);
        Assert.Contains($"remove {named}", error.GetMessage());
        Assert.Equal(new[] { "NG0039" }, outcome.CompilationProblems.Select(d => d.Id));
    }

    [Fact]
    public void NG0012_an_empty_path()
    {
        string source = "using NetGen;\n[OnnxNetwork(\" \")]\npublic partial class Net;";

        GeneratorOutcome outcome = GeneratorHarness.Run([], source);

        Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("NG0012", error.Id);
        Assert.Contains("path is empty", error.GetMessage());
        Assert.Equal(new[] { "NG0012" }, outcome.CompilationProblems.Select(d => d.Id));
    }

    private static string Source(string arguments) => $"using NetGen;\n[OnnxNetwork(\"m.onnx\"{arguments})]\npublic partial class Net;";

    private static InMemoryAdditionalText Model(string projectPath, byte[] bytes) => InMemoryAdditionalText.Weights(projectPath, bytes);

    private static byte[] Bytes(string model) =>
        File.ReadAllBytes(RepositoryFiles.PathOf(Path.Combine("tests", "NetGen.Generator.Tests", "Onnx", "Data", "unmappable", model + ".onnx")));

    /// <summary>The one diagnostic, at the path's literal, and the only problem of the compilation.</summary>
    private static Diagnostic Single(IEnumerable<AdditionalText> files, string source, string id)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(files, source);

        Assert.Null(outcome.Result.Exception);
        Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(source.IndexOf("\"m.onnx\"", StringComparison.Ordinal), error.Location.SourceSpan.Start);
        Assert.Equal("\"m.onnx\"".Length, error.Location.SourceSpan.Length);
        Assert.Equal(new[] { id }, outcome.CompilationProblems.Select(d => d.Id));
        return error;
    }
}
