using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static NetGen.Generator.Tests.Weights.WeightsTestNetworks;

namespace NetGen.Generator.Tests.Golden;

/// <summary>
/// A network compiled with its weights gets two files: its code, which differs from the same network without
/// weights only in its constructor and its comments, and its data, the parameters as a constant array in PyTorch's order.
/// </summary>
public sealed class CompiledWeightsGoldenTests
{
    [Theory]
    [InlineData("Weighted.TinyWeightedNet.g.cs")]
    [InlineData("Weighted.TinyWeightedNet.Weights.g.cs")]
    public void Both_files_match_their_baselines_and_compile_cleanly(string hintName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([TinyFile()], Tiny());

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        GeneratedSourceResult file = Assert.Single(outcome.Files, f => f.HintName == hintName);
        Baseline.Verify(file.SourceText.ToString(), hintName + ".txt");
    }

    [Fact]
    public void The_code_file_is_the_seeded_networks_but_for_its_constructor_and_its_comments_and_the_data_file_holds_every_value()
    {
        GeneratorOutcome compiled = GeneratorHarness.Run([TinyFile()], Tiny());
        GeneratorOutcome seeded = GeneratorHarness.Run(Tiny().Replace(", Weights = \"tiny.safetensors\"", ""));
        string code = compiled.Files.Single(f => f.HintName == "Weighted.TinyWeightedNet.g.cs").SourceText.ToString();
        string data = compiled.Files.Single(f => f.HintName == "Weighted.TinyWeightedNet.Weights.g.cs").SourceText.ToString();
        string seededCode = seeded.Files.Single().SourceText.ToString();

        string[] differing = [.. code.Split('\n').Except(seededCode.Split('\n'))];
        // Beside comments (the header's line, the constructor's summary), one statement differs.
        string[] statements = [.. differing.Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))];
        Assert.Equal("            _training.ImportParameters(CompiledParameters);", Assert.Single(statements));
        Assert.Contains(differing, line => line.StartsWith("    // Parameters: compiled in from \"tiny.safetensors\"", StringComparison.Ordinal));
        // 0.weight is 0, 1/8, ... 5/8; 0.bias -1, -7/8; 2.weight 0.5, 0.625; 2.bias -0.25: 11 values in PyTorch's order.
        Assert.Contains("0f, 0.125f, 0.25f, 0.375f, 0.5f, 0.625f, -1f, -0.875f,", data);
        Assert.Contains("0.5f, 0.625f, -0.25f,", data);
        Assert.Contains("private static global::System.ReadOnlySpan<float> CompiledParameters => new float[]", data);
    }

    [Fact]
    public void Tensors_in_any_order_in_the_file_give_the_values_in_pytorchs_order()
    {
        // The header lists, and the data holds, 2.bias first and 0.weight last.
        InMemoryAdditionalText reversed = TinyFile([.. TinyTensors().Reverse()]);
        string inOrder = GeneratorHarness.Run([TinyFile()], Tiny()).Files.Single(f => f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        string fromReversed = GeneratorHarness.Run([reversed], Tiny()).Files.Single(f => f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        Assert.Equal(inOrder, fromReversed);
    }

    [Fact]
    public void A_user_member_named_like_the_data_does_not_clash()
    {
        string source = Tiny().Replace("public partial class TinyWeightedNet;", "public partial class TinyWeightedNet { private int CompiledParameters; }");

        GeneratorOutcome outcome = GeneratorHarness.Run([TinyFile()], source);

        Assert.Empty(outcome.CompilationProblems.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Contains("CompiledParameters_ => new float[]", outcome.Files.Single(f => f.HintName.EndsWith(".Weights.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }
}
