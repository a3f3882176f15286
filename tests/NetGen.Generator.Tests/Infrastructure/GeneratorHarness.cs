using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over source text in memory, as a build would, and compiles the result.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The running framework's assemblies plus NetGen's runtime and its dependencies.
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = new[] { typeof(NetworkAttribute).Assembly.Location, typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location };
        return platform.Concat(runtime).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "NetGenGeneratorTests",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new NetworkGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The generator's outcome for <paramref name="sources"/>: its files, its diagnostics, and the compiled result's diagnostics.</summary>
    public static GeneratorOutcome Run(params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorOutcome(result, output);
    }
}

internal sealed record GeneratorOutcome(GeneratorRunResult Result, Compilation Output)
{
    public IReadOnlyList<GeneratedSourceResult> Files => Result.GeneratedSources;

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Errors and warnings of the whole compilation after generation, the generator's own included.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Concat(Result.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
