using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;
using NetGen.Generator.Onnx;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

/// <summary>
/// Writes the forward pass, backward pass and optimizer step of every class marked
/// <c>[NetGen.Network]</c>: attributes → <see cref="Parser"/> → <see cref="NetworkSpec"/> →
/// <see cref="Planning.Planner"/> → <see cref="Planning.NetworkPlan"/> → <see cref="Emitter"/> → one source
/// file per network. Diagnostics travel beside the model.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.NetworkAttributeName,
                static (node, _) => Parser.IsCandidate(node),
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        // Layers on a class that has no [Network]: found from either attribute, reported once, from [Input]
        // when the class has one and else from its first [Dense].
        foreach (string layerAttribute in new[] { Parser.InputAttributeName, Parser.DenseAttributeName })
        {
            IncrementalValuesProvider<DiagnosticInfo> orphans = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    layerAttribute,
                    static (node, _) => Parser.IsCandidate(node),
                    (syntaxContext, cancellationToken) => Parser.LayersWithoutNetwork(syntaxContext, layerAttribute, cancellationToken))
                .Where(static diagnostic => diagnostic is not null)
                .Select(static (diagnostic, _) => diagnostic!);
            context.RegisterSourceOutput(orphans, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        }

        // Hint names compare without regard to case, so two types whose names differ only in case would
        // collide: such names, and only those, take a suffix from the exact name. The set of colliding
        // names is what each network waits on, and it stays equal while networks come and go without collisions.
        IncrementalValueProvider<EquatableArray<string>> collidingNames = results
            .Select(static (result, _) => (result.Network?.Type ?? result.Stub?.Type)?.HintName.ToUpperInvariant())
            .Where(static name => name is not null)
            .Collect()
            .Combine(context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    Parser.OnnxNetworkAttributeName,
                    static (node, _) => Parser.IsCandidate(node),
                    static (syntaxContext, _) => Parser.HintNameOf(syntaxContext.TargetSymbol)?.ToUpperInvariant())
                .Where(static name => name is not null)
                .Collect())
            .Select(static (names, _) => names.Left.Concat(names.Right).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key!)
                .OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.CollidingHintNames);

        IncrementalValuesProvider<NetworkSpec> networks = results
            .Select(static (result, _) => result.Network!)
            .Where(static network => network is not null)
            .WithTrackingName(TrackingNames.Model);

        // Weights files arrive as the text NetGen's build step writes for each (EncodedWeightsFile): each is read
        // once, when the compiler hands a new text for it, and its tensors, compared byte for byte, are what a
        // network's output waits on. The binary files themselves are only counted by path, never read: the compiler
        // cannot hand their bytes as text.
        IncrementalValueProvider<EquatableArray<WeightsFileSpec>> weightsFiles = context.AdditionalTextsProvider
            .Where(static file => EncodedWeightsFile.IsEncoded(file.Path) && !EncodedWeightsFile.IsOnnx(file.Path))
            .Select(static (file, cancellationToken) => EncodedWeightsFile.Read(file, cancellationToken))
            .WithTrackingName(TrackingNames.WeightsFile)
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(TrackingNames.WeightsFiles);
        IncrementalValueProvider<EquatableArray<string>> listedBinaryFiles = context.AdditionalTextsProvider
            .Where(static file => WeightsPaths.IsSafetensors(file.Path) || WeightsPaths.IsOnnx(file.Path))
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (paths, _) => paths.ToEquatableArray())
            .WithTrackingName(TrackingNames.ListedBinaryFiles);
        IncrementalValuesProvider<CompiledNetworkSpec> compiled = networks
            .Combine(weightsFiles.Combine(listedBinaryFiles))
            .Select(static (pair, _) => WeightsMatcher.Match(pair.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.CompiledWeights);
        context.RegisterSourceOutput(compiled.Combine(collidingNames),
            static (output, pair) => Emit(output, pair.Left, HintName(pair.Left.Network.Type, pair.Left.Network.Location, pair.Right)));

        // [OnnxNetwork("model.onnx")]: the class's declaration, and the ONNX files the build step encoded, each read into
        // its model once when its text changes; the network is mapped from the two and written as a [Network] one is.
        IncrementalValuesProvider<OnnxParseResult> onnxResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.OnnxNetworkAttributeName,
                static (node, _) => Parser.IsCandidate(node),
                static (syntaxContext, cancellationToken) => Parser.ParseOnnx(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.OnnxParse);
        context.RegisterSourceOutput(onnxResults.SelectMany(static (result, _) => result.Diagnostics),
            static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        IncrementalValueProvider<EquatableArray<OnnxFileSpec>> onnxFiles = context.AdditionalTextsProvider
            .Where(static file => EncodedWeightsFile.IsEncoded(file.Path) && EncodedWeightsFile.IsOnnx(file.Path))
            .Select(static (file, cancellationToken) => OnnxFileSpec.Read(file, cancellationToken))
            .WithTrackingName(TrackingNames.OnnxFile)
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(TrackingNames.OnnxFiles);
        IncrementalValuesProvider<OnnxMappingResult> onnxNetworks = onnxResults
            .Select(static (result, _) => result.Network!)
            .Where(static network => network is not null)
            .Combine(onnxFiles.Combine(listedBinaryFiles))
            .Select(static (pair, _) => OnnxNetworkMapper.Map(pair.Left, pair.Right.Left, pair.Right.Right))
            .WithTrackingName(TrackingNames.OnnxNetwork);
        context.RegisterSourceOutput(onnxNetworks.Combine(collidingNames), static (output, pair) =>
        {
            foreach (DiagnosticInfo diagnostic in pair.Left.Diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (pair.Left.Compiled is { } compiled)
                Emit(output, compiled, HintName(compiled.Network.Type, compiled.Network.Location, pair.Right));
            else if (pair.Left.Stub is { } stub)
                output.AddSource(HintName(stub.Type, stub.Location, pair.Right), StubEmitter.Emit(stub));
        });
        IncrementalValuesProvider<StubSpec> onnxStubs = onnxResults
            .Select(static (result, _) => result.Stub!)
            .Where(static stub => stub is not null);
        context.RegisterSourceOutput(onnxStubs.Combine(collidingNames),
            static (output, pair) => output.AddSource(HintName(pair.Left.Type, pair.Left.Location, pair.Right), StubEmitter.Emit(pair.Left)));

        IncrementalValuesProvider<StubSpec> stubs = results
            .Select(static (result, _) => result.Stub!)
            .Where(static stub => stub is not null)
            .WithTrackingName(TrackingNames.Stub);
        context.RegisterSourceOutput(stubs.Combine(collidingNames),
            static (output, pair) => output.AddSource(HintName(pair.Left.Type, pair.Left.Location, pair.Right), StubEmitter.Emit(pair.Left)));
    }

    /// <summary>
    /// The readable hint name, or, where it collides, one suffixed with a hash of the exact type name and
    /// the declaration's place: code that does not compile may even declare one type name twice.
    /// </summary>
    private static string HintName(DeclaredTypeSpec type, LocationInfo? location, EquatableArray<string> colliding) =>
        colliding.Contains(type.HintName.ToUpperInvariant())
            ? type.HintName.Substring(0, type.HintName.Length - ".g.cs".Length) + "." + StableHash($"{type.UniqueKey}@{location?.FilePath}:{location?.Span.Start}") + ".g.cs"
            : type.HintName;

    /// <summary>FNV-1a over the name's UTF-16 code units, in hex: the same on every machine and run, unlike string.GetHashCode.</summary>
    private static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
            hash = unchecked((hash ^ c) * 16777619);
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Emit(SourceProductionContext output, CompiledNetworkSpec compiled, string hintName)
    {
        NetworkSpec network = compiled.Network;
        foreach (DiagnosticInfo diagnostic in compiled.Diagnostics)
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        string source, weights;
        try
        {
            // The plan is made here, inside the output step, rather than in a step of its own: it is a
            // function of the spec alone, so the cached Model step already caches it, and a planner bug
            // becomes the diagnostic below instead of an exception out of the pipeline. A network whose weights
            // file has errors is still written, drawing its parameters from the seed, so that the file's errors
            // are the only ones.
            source = Emitter.Emit(network, compiled.HasCompiledWeights);
            weights = compiled.HasCompiledWeights ? CompiledWeightsEmitter.Emit(compiled) : "";
        }
        catch (Exception exception)
        {
            // The generator never throws: a failure here is a bug, reported where the user can see it.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, network.Location?.ToLocation(), network.Type.Name, exception.Message));
            return;
        }
        output.AddSource(hintName, source);
        if (weights.Length > 0)
            output.AddSource(CompiledWeightsEmitter.HintName(hintName), weights);
    }
}
