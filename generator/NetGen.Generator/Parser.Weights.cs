using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

internal static partial class Parser
{
    /// <summary>
    /// The path of <c>Weights = "..."</c>, normalized as the build writes the paths it hands over, and where it is
    /// written; null when the network draws its parameters from its seed.
    /// </summary>
    private static (string? Path, Location? Location) ReadWeights(AttributeData network, CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        if (Named(network, "Weights")?.Value is not string path)
            return (null, null);
        Location? location = WeightsArgumentLocation(network, cancellationToken) ?? LocationOf(network, cancellationToken);
        if (string.IsNullOrWhiteSpace(path))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, location,
                "Weights is empty: name a safetensors file that the project lists in AdditionalFiles, for example Weights = \"mnist.safetensors\", or leave Weights out to draw the parameters from the seed"));
            return (null, null);
        }
        return (WeightsPaths.Normalize(path), location);
    }

    private static Location? WeightsArgumentLocation(AttributeData network, CancellationToken cancellationToken) =>
        (network.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Weights")?.GetLocation();
}
