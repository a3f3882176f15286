using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.RandomNetworks.Tests;

/// <summary>Declarations drawn from a fixed seed, run through the generator and compiled into an assembly this process loads.</summary>
public static class RandomNetworkAssembly
{
    public const int Seed = 20261204;

    /// <summary>Networks a run draws; NETGEN_RANDOM_NETWORKS asks for more.</summary>
    public static int Count { get; } = int.TryParse(Environment.GetEnvironmentVariable("NETGEN_RANDOM_NETWORKS"), out int count) && count > 0 ? count : 24;

    public static RandomDeclaration[] Declarations { get; } = Draw();

    private static readonly Lazy<Assembly> Compiled = new(Compile);

    public static Assembly Assembly => Compiled.Value;

    private static RandomDeclaration[] Draw()
    {
        var random = new Random(Seed);
        return Enumerable.Range(0, Count).Select(i => RandomDeclaration.Draw(random, i)).ToArray();
    }

    private static Assembly Compile()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        string source = string.Concat(Declarations.Select(d => d.Source));
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Append(typeof(INetwork<>).Assembly.Location)
            .Append(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location)
            .Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
        var compilation = CSharpCompilation.Create("NetGenRandomNetworks",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "RandomNetworks.cs")], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("The random networks did not compile:\n" + string.Join("\n", problems.Take(20)) + "\n\n" + source);
        return Assembly.Load(image.ToArray());
    }

    /// <summary>A new instance of the declaration's network, seeded.</summary>
    public static object Create(RandomDeclaration declaration, int seed) =>
        Activator.CreateInstance(Assembly.GetType(declaration.Name, throwOnError: true)!, seed)!;

    /// <summary>A private constant of the generated class, read only to pick batch sizes at its edges.</summary>
    public static int Constant(RandomDeclaration declaration, string name) =>
        (int)Assembly.GetType(declaration.Name, throwOnError: true)!.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
}
