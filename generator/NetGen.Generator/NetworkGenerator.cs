using System;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Writes the forward pass, backward pass and optimizer step of every class marked
/// <c>[NetGen.Network]</c>: attributes → <see cref="Parser"/> → <see cref="NetworkSpec"/> →
/// <see cref="Emitter"/> → one source file per network. Diagnostics travel beside the model.
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

        IncrementalValuesProvider<NetworkSpec> networks = results
            .Select(static (result, _) => result.Network!)
            .Where(static network => network is not null)
            .WithTrackingName(TrackingNames.Model);
        context.RegisterSourceOutput(networks, static (output, network) => Emit(output, network));
    }

    private static void Emit(SourceProductionContext output, NetworkSpec network)
    {
        string source;
        try
        {
            source = Emitter.Emit(network);
        }
        catch (Exception exception)
        {
            // The generator never throws: a failure here is a bug, reported where the user can see it.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, null, network.Name, exception.Message));
            return;
        }
        output.AddSource(network.HintName, source);
    }
}
