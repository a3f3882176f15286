using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static NetGen.Generator.Tests.Infrastructure.SafetensorsBytes;
using static NetGen.Generator.Tests.Weights.WeightsTestNetworks;

namespace NetGen.Generator.Tests.Caching;

/// <summary>
/// A weights file's content is part of the pipeline's cache key: an edit elsewhere reads no file again and writes
/// no network again; a file replaced by one with other values writes the network again with them; and one replaced
/// by the same bytes is read again, but writes nothing.
/// </summary>
public sealed class CompiledWeightsCachingTests
{
    private const string Unrelated = "namespace Other; public static class Helper { public static int Twice(int x) => 2 * x; }";

    [Fact]
    public void An_unrelated_source_edit_reads_no_weights_file_again_and_leaves_every_weights_step_cached()
    {
        var file = new CountingText(TinyFile());
        var (driver, compilation) = FirstRun(file);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, "Unrelated.cs")));

        Assert.Equal(1, file.Reads);
        AssertAll(driver, "WeightsFile", IncrementalStepRunReason.Cached);
        AssertAll(driver, "WeightsFiles", IncrementalStepRunReason.Cached);
        AssertAll(driver, "CompiledWeights", IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_unrelated_additional_file_is_never_read_and_leaves_the_network_cached()
    {
        var file = new CountingText(TinyFile());
        var notes = new CountingText(new InMemoryAdditionalText("/project/notes.txt", "notes"));
        var (driver, compilation) = FirstRun(file);

        driver = driver.AddAdditionalTexts([notes]).RunGenerators(compilation);

        Assert.Equal(1, file.Reads);
        Assert.Equal(0, notes.Reads);
        AssertAll(driver, "CompiledWeights", IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Replacing_the_file_with_other_values_writes_the_network_again_with_them()
    {
        var file = new CountingText(TinyFile());
        var (driver, compilation) = FirstRun(file);
        Tensor[] tensors = TinyTensors();
        tensors[3] = Tensor.F32("2.bias", [1], 0.75f);

        driver = driver.ReplaceAdditionalText(file, TinyFile(tensors)).RunGenerators(compilation);

        AssertAll(driver, "WeightsFile", IncrementalStepRunReason.Modified);
        AssertAll(driver, "CompiledWeights", IncrementalStepRunReason.Modified);
        string data = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Weights.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("0.5f, 0.625f, 0.75f,", data);
    }

    [Fact]
    public void Replacing_the_file_with_the_same_bytes_reads_it_again_and_writes_nothing_again()
    {
        var file = new CountingText(TinyFile());
        var (driver, compilation) = FirstRun(file);
        var again = new CountingText(TinyFile());

        driver = driver.ReplaceAdditionalText(file, again).RunGenerators(compilation);

        Assert.Equal(1, again.Reads);
        AssertAll(driver, "WeightsFile", IncrementalStepRunReason.Unchanged);
        Assert.All(Reasons(driver, "CompiledWeights"),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Fact]
    public void The_weights_steps_hold_no_compiler_objects()
    {
        var (driver, _) = FirstRun(TinyFile());
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AdditionalText) };

        foreach (string step in new[] { "WeightsFile", "WeightsFiles", "ListedBinaryFiles", "CompiledWeights" })
        {
            foreach (object value in driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Value))
                IncrementalCachingTests.AssertPlainData(value, forbidden, new System.Collections.Generic.HashSet<object>(System.Collections.Generic.ReferenceEqualityComparer.Instance));
        }
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(AdditionalText file)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Tiny());
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true, additionalFiles: [file]).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        return (driver, compilation);
    }

    internal static void AssertAll(GeneratorDriver driver, string step, IncrementalStepRunReason expected) =>
        Assert.All(Reasons(driver, step), reason => Assert.Equal(expected, reason));

    internal static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step)
    {
        IncrementalStepRunReason[] reasons = [.. driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason)];
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
