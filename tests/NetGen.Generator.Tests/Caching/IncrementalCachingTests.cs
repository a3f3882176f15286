using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Golden;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Caching;

/// <summary>
/// Re-runs the driver after edits and checks which pipeline steps were recomputed: an edit that
/// leaves a network alone must not make the generator write it again.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string Unrelated = """
        namespace Other;
        public static class Helper { public static int Twice(int x) => 2 * x; }
        """;

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToArray();

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        return (driver, compilation);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_the_model_cached()
    {
        var (driver, compilation) = FirstRun(GoldenNetworks.Spiral);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, "Unrelated.cs")));

        Assert.All(Reasons(driver, "Model"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.NotEmpty(Reasons(driver, "Model"));
    }

    [Fact]
    public void Editing_the_network_file_without_changing_the_network_leaves_the_model_unchanged()
    {
        var (driver, compilation) = FirstRun(GoldenNetworks.Spiral);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment that changes nothing\n"));

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));

        Assert.All(Reasons(driver, "Parse").Concat(Reasons(driver, "Model")),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.Single(Reasons(driver, "Model"));
    }

    [Fact]
    public void A_comment_above_the_network_leaves_the_colliding_names_and_the_model_as_they_were()
    {
        var (driver, compilation) = FirstRun(GoldenNetworks.Spiral, GoldenNetworks.TinySigmoid);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        // The network moves down the file: its location changes, nothing the output depends on does.
        SyntaxTree edited = tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment\n// and another\n"));

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));

        Assert.All(Reasons(driver, "CollidingHintNames").Concat(Reasons(driver, "Model")),
            reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.NotEmpty(Reasons(driver, "CollidingHintNames"));
    }

    [Fact]
    public void Changing_a_layer_size_modifies_the_model()
    {
        var (driver, compilation) = FirstRun(GoldenNetworks.Spiral);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        string text = tree.GetText().ToString();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("[Dense(10,", "[Dense(12,")));

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(driver, "Model"));
        Assert.Contains("batch * 12", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void Editing_one_network_leaves_the_other_cached()
    {
        var (driver, compilation) = FirstRun(GoldenNetworks.Spiral, GoldenNetworks.TinySigmoid);
        SyntaxTree tiny = compilation.SyntaxTrees.Single(t => t.ToString().Contains("TinySigmoidNet"));
        SyntaxTree edited = tiny.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tiny.ToString().Replace("[Sgd(0.5)]", "[Sgd(0.25)]")));

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tiny, edited));

        IncrementalStepRunReason[] reasons = Reasons(driver, "Model");
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        // Symbols, syntax nodes or compilations in a cached value would keep whole compilations alive
        // and defeat caching; the model and diagnostics must be plain data.
        var (driver, _) = FirstRun(GoldenNetworks.Spiral, "using NetGen; [Network(Loss.MeanSquaredError)] public partial class Broken;");
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location) };

        foreach (var step in new[] { "Parse", "Model", "Diagnostics" })
        {
            foreach (object value in driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Value))
                AssertPlainData(value, forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    internal static void AssertPlainData(object? value, Type[] forbidden, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            return;
        Type type = value.GetType();
        Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
        if (value is DiagnosticDescriptor)
            return;
        if (value is System.Collections.IEnumerable items)
        {
            foreach (object? item in items)
                AssertPlainData(item, forbidden, seen);
            return;
        }
        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            AssertPlainData(field.GetValue(value), forbidden, seen);
    }
}
