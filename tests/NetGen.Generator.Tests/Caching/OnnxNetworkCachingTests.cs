using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Generator.Tests.Onnx;
using Xunit;
using static NetGen.Generator.Tests.Caching.CompiledWeightsCachingTests;

namespace NetGen.Generator.Tests.Caching;

/// <summary>
/// An ONNX model's content is part of the pipeline's cache key, as a weights file's is: an unrelated edit reads no
/// model again and maps no network again; another model in its place maps and writes the network again; the same
/// bytes again are read but write nothing.
/// </summary>
public sealed class OnnxNetworkCachingTests
{
    private const string Source = "using NetGen;\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;";

    private const string Unrelated = "namespace Other; public static class Helper { public static int Twice(int x) => 2 * x; }";

    [Fact]
    public void An_unrelated_source_edit_reads_no_model_again_and_leaves_every_onnx_step_cached()
    {
        var file = new CountingText(Model("mlp_relu_softmax_opset13"));
        var (driver, compilation) = FirstRun(file);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, "Unrelated.cs")));

        Assert.Equal(1, file.Reads);
        // The parse runs again on a new compilation, and finds the same declaration.
        Assert.All(Reasons(driver, "OnnxParse"),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        AssertAll(driver, "OnnxFile", IncrementalStepRunReason.Cached);
        AssertAll(driver, "OnnxFiles", IncrementalStepRunReason.Cached);
        AssertAll(driver, "OnnxNetwork", IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_edit_of_the_class_that_changes_nothing_it_declares_maps_nothing_again()
    {
        var file = new CountingText(Model("mlp_relu_softmax_opset13"));
        var (driver, compilation) = FirstRun(file);
        SyntaxTree tree = compilation.SyntaxTrees.Single();

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source + "\n// a comment"))));

        Assert.Equal(1, file.Reads);
        Assert.All(Reasons(driver, "OnnxNetwork"),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void Another_model_in_the_files_place_maps_and_writes_the_network_again()
    {
        var file = new CountingText(Model("mlp_relu_softmax_opset13"));
        var (driver, compilation) = FirstRun(file);

        driver = driver.ReplaceAdditionalText(file, Model("mlp_sigmoid_tanh_opset11")).RunGenerators(compilation);

        AssertAll(driver, "OnnxFile", IncrementalStepRunReason.Modified);
        AssertAll(driver, "OnnxNetwork", IncrementalStepRunReason.Modified);
        string code = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Net.g.cs").SourceText.ToString();
        Assert.Contains("// Net: 3-5-4-2 Sigmoid/Tanh/Identity", code);
    }

    [Fact]
    public void The_same_bytes_again_are_read_and_write_nothing_again()
    {
        var file = new CountingText(Model("mlp_relu_softmax_opset13"));
        var (driver, compilation) = FirstRun(file);
        var again = new CountingText(Model("mlp_relu_softmax_opset13"));

        driver = driver.ReplaceAdditionalText(file, again).RunGenerators(compilation);

        Assert.Equal(1, again.Reads);
        AssertAll(driver, "OnnxFile", IncrementalStepRunReason.Unchanged);
        Assert.All(Reasons(driver, "OnnxNetwork"),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void The_onnx_steps_hold_no_compiler_objects()
    {
        var (driver, _) = FirstRun(Model("mlp_relu_softmax_opset13"));
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AdditionalText) };

        foreach (string step in new[] { "OnnxParse", "OnnxFile", "OnnxFiles", "OnnxNetwork" })
        {
            foreach (object value in driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Value))
                IncrementalCachingTests.AssertPlainData(value, forbidden, new System.Collections.Generic.HashSet<object>(System.Collections.Generic.ReferenceEqualityComparer.Instance));
        }
    }

    private static InMemoryAdditionalText Model(string name) => InMemoryAdditionalText.Weights("m.onnx", ExportedOnnxModels.Bytes(name));

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(AdditionalText file)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true, additionalFiles: [file]).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return (driver, compilation);
    }
}
