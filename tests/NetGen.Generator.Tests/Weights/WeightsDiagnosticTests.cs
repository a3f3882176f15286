using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static NetGen.Generator.Tests.Infrastructure.SafetensorsBytes;
using static NetGen.Generator.Tests.Weights.WeightsTestNetworks;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// Every way a weights file can fail a declaration is its own error, at the <c>Weights =</c> argument, naming the
/// tensor, the shape in the file and the shape declared, or the file and how to fix it; the network is still
/// generated, so that these errors are the only ones.
/// </summary>
public sealed class WeightsDiagnosticTests
{
    [Fact]
    public void A_file_that_matches_the_declaration_compiles_in_without_a_diagnostic()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([TinyFile()], Tiny());

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Equal(new[] { "Weighted.TinyWeightedNet.g.cs", "Weighted.TinyWeightedNet.Weights.g.cs" }, outcome.Files.Select(f => f.HintName).Order());
    }

    [Fact]
    public void NG0024_a_file_not_among_the_additional_files_says_how_to_list_it()
    {
        Diagnostic error = Single([], Tiny(), "NG0024");

        Assert.Contains("'tiny.safetensors', which is not among the project's AdditionalFiles", error.GetMessage());
        Assert.Contains("<AdditionalFiles Include=\"tiny.safetensors\" />", error.GetMessage());
    }

    [Fact]
    public void NG0024_names_the_weights_files_the_project_does_list()
    {
        Diagnostic error = Single([InMemoryAdditionalText.Weights("models/other.safetensors", Write(TinyTensors()))], Tiny(), "NG0024");

        Assert.Contains("(the weights files it lists: 'models/other.safetensors')", error.GetMessage());
    }

    [Fact]
    public void NG0025_a_listed_binary_file_that_no_build_step_handed_over()
    {
        Diagnostic error = Single([new InMemoryAdditionalText("/project/tiny.safetensors", null)], Tiny(), "NG0025");

        Assert.Contains("NetGen.targets", error.GetMessage());
    }

    [Theory]
    [InlineData(null, "could not be read")]
    [InlineData("NetGen weights file 1\ntiny.safetensors\n#not base64#\n", "not base64")]
    [InlineData("a text file that someone named .netgen-weights\n", "does not start with 'NetGen weights file 1'")]
    public void NG0026_an_encoded_file_the_compiler_cannot_hand_over_or_that_is_not_netgens(string? text, string why)
    {
        // Where the text does not say which file it holds, the name of the file it was written for does.
        Diagnostic error = Single([Encoded(text)], Tiny(), "NG0026");

        Assert.Contains(why, error.GetMessage());
    }

    [Fact]
    public void NG0027_a_file_that_is_not_safetensors_says_what_is_wrong()
    {
        byte[] file = Write(TinyTensors());

        Diagnostic error = Single([InMemoryAdditionalText.Weights(Path, file[..^4])], Tiny(), "NG0027");

        Assert.Contains("is not a valid safetensors file: its tensors need 44 bytes of data, but the file holds 40", error.GetMessage());
    }

    [Fact]
    public void NG0028_a_missing_tensor_names_it_and_its_shape()
    {
        Diagnostic error = Single([TinyFile(TinyTensors()[..3])], Tiny(), "NG0028");

        Assert.Contains("needs the tensor '2.bias' of shape [1] for layer 2", error.GetMessage());
    }

    [Fact]
    public void NG0029_a_tensor_the_declaration_does_not_have()
    {
        Diagnostic error = Single([TinyFile([.. TinyTensors(), Tensor.Counting("4.weight", [1, 1])])], Tiny(), "NG0029");

        Assert.Contains("holds the tensor '4.weight' of shape [1, 1]", error.GetMessage());
    }

    [Fact]
    public void NG0030_a_shape_that_differs_names_the_tensor_the_files_shape_and_the_declared_one()
    {
        Tensor[] tensors = TinyTensors();
        tensors[0] = Tensor.Counting("0.weight", [3, 2]);

        Diagnostic error = Single([TinyFile(tensors)], Tiny(), "NG0030");

        Assert.Contains("Tensor '0.weight' in 'tiny.safetensors' has shape [3, 2], but 'TinyWeightedNet' declares shape [2, 3]", error.GetMessage());
    }

    [Theory]
    [InlineData("F64", "Single", "rounding F64 to float")]
    [InlineData("I32", "Single", "F32, F64, F16 or BF16")]
    [InlineData("I32", "Double", "F32, F64, F16 or BF16")]
    public void NG0031_an_element_type_the_precision_cannot_take(string dtype, string precision, string why)
    {
        Tensor[] tensors = TinyTensors();
        int size = dtype == "F64" ? 8 : 4;
        tensors[1] = new Tensor("0.bias", dtype, [2], new byte[2 * size]);

        Diagnostic error = Single([TinyFile(tensors)], Tiny(precision), "NG0031");

        Assert.Contains($"Tensor '0.bias' in 'tiny.safetensors' holds {dtype}", error.GetMessage());
        Assert.Contains(why, error.GetMessage());
    }

    [Fact]
    public void A_double_network_takes_every_floating_element_type()
    {
        Tensor[] tensors = TinyTensors();
        tensors[0] = Tensor.F64("0.weight", [2, 3], 1, 2, 3, 4, 5, 6);
        tensors[1] = new Tensor("0.bias", "F16", [2], [0x00, 0x3C, 0x00, 0xC0]);   // 1 and -2
        tensors[2] = new Tensor("2.weight", "BF16", [1, 2], [0x80, 0x3F, 0x00, 0x40]);   // 1 and 2

        GeneratorOutcome outcome = GeneratorHarness.Run([TinyFile(tensors)], Tiny("Double"));

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        string data = outcome.Files.Single(f => f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("1d, 2d, 3d, 4d, 5d,", data);
        Assert.Contains("6d, 1d, -2d, 1d, 2d,", data);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void NG0032_a_value_that_is_not_finite_names_the_tensor_and_the_index(float value, string text)
    {
        Tensor[] tensors = TinyTensors();
        tensors[2] = Tensor.F32("2.weight", [1, 2], 0.5f, value);

        Diagnostic error = Single([TinyFile(tensors)], Tiny(), "NG0032");

        Assert.Contains($"Tensor '2.weight' in 'tiny.safetensors' holds {text} at index 1", error.GetMessage());
    }

    [Fact]
    public void Each_mismatch_is_its_own_error()
    {
        Tensor[] tensors = [Tensor.Counting("0.weight", [3, 2]), Tensor.Counting("0.bias", [2]), Tensor.Counting("2.weight", [1, 2]), Tensor.Counting("9.bias", [1])];

        GeneratorOutcome outcome = GeneratorHarness.Run([TinyFile(tensors)], Tiny());

        Assert.Equal(new[] { "NG0028", "NG0029", "NG0030" }, outcome.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.Equal(new[] { "NG0028", "NG0029", "NG0030" }, outcome.CompilationProblems.Select(d => d.Id).Order());
    }

    [Fact]
    public void An_empty_path_is_an_invalid_argument()
    {
        Diagnostic error = Single([], Tiny(weights: "\" \""), "NG0012");

        Assert.Contains("Weights is empty", error.GetMessage());
    }

    private static InMemoryAdditionalText Encoded(string? text) => new("/project/obj/netgen/tiny.safetensors.0.netgen-weights", text);

    /// <summary>The one error the generator reports, with <paramref name="id"/>, at the Weights argument; the compilation has no other problem.</summary>
    private static Diagnostic Single(IEnumerable<AdditionalText> files, string source, string id)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(files, source);

        Assert.Null(outcome.Result.Exception);
        Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        int start = source.IndexOf("Weights = ", StringComparison.Ordinal);
        Assert.Equal(start, error.Location.SourceSpan.Start);
        Assert.Equal(source.IndexOf(')', start), error.Location.SourceSpan.End);
        Assert.Equal(new[] { id }, outcome.CompilationProblems.Select(d => d.Id));
        return error;
    }
}
