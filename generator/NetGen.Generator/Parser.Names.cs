using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Parser
{
    private const string ReadOnlySpanOfT = "System.ReadOnlySpan<T>", SpanOfT = "System.Span<T>", Labels = "System.ReadOnlySpan<int>";

    /// <summary>
    /// The public members every network gets (DESIGN.md's contract): a property or constant (no
    /// parameters) or a method with its parameter types, T standing for the element type.
    /// </summary>
    private static readonly (string Name, string[]? Parameters)[] PublicMembers =
    [
        ("InputSize", null), ("OutputSize", null), ("ParameterCount", null), ("Parameters", null), ("Gradients", null),
        ("DegreeOfParallelism", null), ("LearningRate", null), ("Description", null),
        ("ExportParameters", [SpanOfT]), ("ExportGradients", [SpanOfT]), ("ImportParameters", [ReadOnlySpanOfT]),
        ("Forward", [ReadOnlySpanOfT, SpanOfT]), ("Predict", [ReadOnlySpanOfT]),
        ("ComputeGradients", [ReadOnlySpanOfT, ReadOnlySpanOfT]), ("ComputeGradients", [ReadOnlySpanOfT, Labels]),
        ("TrainStep", [ReadOnlySpanOfT, ReadOnlySpanOfT]), ("TrainStep", [ReadOnlySpanOfT, Labels]),
        ("ApplyGradients", []), ("ResetOptimizer", []), ("Clone", []),
    ];

    /// <summary>
    /// Reports each member of the user's (declared, or inherited and visible) that the public contract's
    /// members would clash with: one of the same name that is not a method, or a method of the same
    /// parameter types. Methods with other parameters are overloads and live beside the generated ones.
    /// </summary>
    private static bool CheckGeneratedNames(INamedTypeSymbol type, PrecisionKind precision, List<DiagnosticInfo> diagnostics)
    {
        string element = precision == PrecisionKind.Double ? "double" : "float";
        bool collides = false;
        foreach (var (name, parameters) in PublicMembers.GroupBy(m => m.Name).Select(g => (g.Key, g.ToList())))
        {
            if (type.Name == name)
            {
                collides = true;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameTaken, LocationOfType(type), type.Name, name,
                    "the class itself", Signature(name, parameters[0].Parameters, element)));
                continue;
            }
            foreach (ISymbol member in VisibleMembers(type).Where(m => m.Name == name))
            {
                var clash = parameters.FirstOrDefault(p => member is not IMethodSymbol method
                    || (p.Parameters is { } types && method.Parameters.Select(q => q.Type.ToDisplayString())
                        .SequenceEqual(types.Select(t => t.Replace("<T>", "<" + element + ">")))));
                if (clash.Name is null)
                    continue;
                collides = true;
                string where = SymbolEqualityComparer.Default.Equals(member.ContainingType, type) ? "a member" : $"a member inherited from '{member.ContainingType.Name}'";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameTaken,
                    member.Locations.FirstOrDefault(l => l.IsInSource && SymbolEqualityComparer.Default.Equals(member.ContainingType, type)) ?? LocationOfType(type),
                    type.Name, name, where, Signature(name, clash.Parameters, element)));
                break;
            }
        }
        return collides;
    }

    private static string Signature(string name, string[]? parameters, string element) =>
        parameters is null ? name : $"{name}({string.Join(", ", parameters.Select(p => p.Replace("System.", "").Replace("<T>", "<" + element + ">")))})";

    /// <summary>The members of the type and the non-private ones of its base types, which generated members would hide.</summary>
    private static IEnumerable<ISymbol> VisibleMembers(INamedTypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers())
            if (!member.IsImplicitlyDeclared)
                yield return member;
        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            foreach (ISymbol member in baseType.GetMembers())
                if (!member.IsImplicitlyDeclared && member.DeclaredAccessibility != Accessibility.Private)
                    yield return member;
    }

    /// <summary>
    /// Every name a generated private member must avoid: the class's own, its members', and those of its
    /// base types that it can see. Sorted, so that the list is equal across runs.
    /// </summary>
    private static EquatableArray<string> UserMemberNames(INamedTypeSymbol type) =>
        VisibleMembers(type).Select(m => m.Name).Where(n => !n.StartsWith(".")).Append(type.Name)
            .Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>
    /// Whether the generated file must write the runtime's and the BCL's names in full: the class lives in the
    /// global namespace, or a name it imports (<see cref="ImportedNames"/>) is also a member of the class, of
    /// a type around it or of their bases, a type parameter around it, or a type or namespace of the class's
    /// own namespace; any of these is found before a using directive of the file's namespace declaration.
    /// </summary>
    private static bool ShadowsImportedNames(INamedTypeSymbol type)
    {
        if (type.ContainingNamespace.IsGlobalNamespace)
            return true;
        for (INamedTypeSymbol? scope = type; scope is not null; scope = scope.ContainingType)
        {
            if (ImportedNames.IsShadowed(scope.Name) || scope.TypeParameters.Any(p => ImportedNames.IsShadowed(p.Name)))
                return true;
            for (INamedTypeSymbol? owner = scope; owner is not null; owner = owner.BaseType)
                if (owner.MemberNames.Any(ImportedNames.IsShadowed) || owner.GetTypeMembers().Any(t => ImportedNames.IsShadowed(t.Name)))
                    return true;
        }
        return type.ContainingNamespace.GetMembers().Any(m => ImportedNames.IsShadowed(m.Name));
    }

    /// <summary>The type's full metadata name, which tells apart types whose readable names differ only in case.</summary>
    private static string UniqueKey(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            name = outer.MetadataName + "+" + name;
        return type.ContainingNamespace.IsGlobalNamespace ? name : type.ContainingNamespace.ToDisplayString() + "." + name;
    }

    private static Location? LocationOfType(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.GetLocation();
}
