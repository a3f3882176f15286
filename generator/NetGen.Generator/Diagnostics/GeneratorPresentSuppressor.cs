using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Suppresses NG0023, the warning that NetGen.dll attaches to every <c>[Network]</c> attribute for the
/// compilation that references the runtime without the generator. Roslyn loads this suppressor from the
/// generator's own assembly, so it runs exactly where the generator runs, and there the warning is false.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratorPresentSuppressor : DiagnosticSuppressor
{
    internal static readonly SuppressionDescriptor GeneratorPresent = new(
        id: "NGS0023",
        suppressedDiagnosticId: DiagnosticDescriptors.GeneratorNotRunningId,
        justification: "NetGen's source generator is running in this compilation, so every [Network] class gets its "
            + "generated members; NG0023 is meant only for a compilation that references NetGen.dll without the generator.");

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(GeneratorPresent);

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (Diagnostic diagnostic in context.ReportedDiagnostics)
            context.ReportSuppression(Suppression.Create(GeneratorPresent, diagnostic));
    }
}
