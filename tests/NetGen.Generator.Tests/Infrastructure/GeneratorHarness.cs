using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator over source text in memory, as a build would, and compiles the result with the
/// suppressor that a build loads from the generator's assembly.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The running framework's assemblies plus NetGen's runtime and its dependencies.
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = new[] { typeof(INetwork<>).Assembly.Location, typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location };
        return platform.Concat(runtime).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "NetGenGeneratorTests",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver CreateDriver(bool trackSteps = false, IEnumerable<AdditionalText>? additionalFiles = null) =>
        CSharpGeneratorDriver.Create(
            [new NetworkGenerator().AsSourceGenerator()],
            additionalTexts: additionalFiles,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// The diagnostics a build reports for <paramref name="compilation"/>: the compiler's, less those that
    /// the generator assembly's suppressor removes (NG0023, which NetGen.dll reports wherever the generator is missing).
    /// </summary>
    public static ImmutableArray<Diagnostic> BuildDiagnostics(Compilation compilation, bool reportSuppressed = false) =>
        compilation.WithAnalyzers(
                [new GeneratorPresentSuppressor()],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: reportSuppressed))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>The generator's outcome for <paramref name="sources"/>: its files, its diagnostics, and the compiled result's diagnostics.</summary>
    public static GeneratorOutcome Run(params string[] sources) => Run([], sources);

    /// <summary>The outcome for <paramref name="sources"/> in a project whose AdditionalFiles are <paramref name="additionalFiles"/>.</summary>
    public static GeneratorOutcome Run(IEnumerable<AdditionalText> additionalFiles, params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(sources);
        GeneratorDriver driver = CreateDriver(additionalFiles: additionalFiles).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorOutcome(result, output);
    }
}

internal sealed record GeneratorOutcome(GeneratorRunResult Result, Compilation Output)
{
    public IReadOnlyList<GeneratedSourceResult> Files => Result.GeneratedSources;

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Errors and warnings of the whole compilation after generation, as a build reports them, the generator's own included.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        GeneratorHarness.BuildDiagnostics(Output).Concat(Result.Diagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
