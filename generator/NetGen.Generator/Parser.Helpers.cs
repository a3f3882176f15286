using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Parser
{
    private static bool Is(AttributeData attribute, string fullName) =>
        attribute.AttributeClass is { } type && FullName(type) == fullName;

    private static bool IsOurs(AttributeData attribute) =>
        attribute.AttributeClass is { } type && (FullName(type) is NetworkAttributeName or InputAttributeName or DenseAttributeName or OnnxNetworkAttributeName
            || OptimizerAttributes.ContainsKey(FullName(type)));

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;

    private static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    private static TypeDeclarationSyntax? DeclarationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();

    private static Location? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            if (argument.Key == name)
                return argument.Value;
        return null;
    }

    private static int ReadEnum(TypedConstant? constant, int fallback = 0) =>
        constant?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : fallback;

    private static double ReadDouble(TypedConstant? constant, double fallback) =>
        constant?.Value is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : fallback;

    private static bool ReadBool(TypedConstant? constant, bool fallback) =>
        constant?.Value is bool value ? value : fallback;

    private static void CheckDefined<TEnum>(TEnum value, string name, AttributeData attribute, CancellationToken cancellationToken,
        List<DiagnosticInfo> diagnostics) where TEnum : struct, Enum
    {
        // The value has no name, so the message names the members it could have been instead of a number.
        if (!Enum.IsDefined(typeof(TEnum), value))
            diagnostics.Add(Invalid(attribute, cancellationToken,
                $"The {name} given is none of the {name} members: use one of {string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(n => name + "." + n))}"));
    }

    private static DiagnosticInfo Invalid(AttributeData attribute, CancellationToken cancellationToken, string message) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, LocationOf(attribute, cancellationToken), message);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static DeclaredTypeSpec DeclaredType(INamedTypeSymbol type) =>
        new(HintName(type),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes(type).ToEquatableArray(),
            KeywordOf(type),
            Identifier(type.Name),
            UniqueKey(type));

    /// <summary>The hint name of a class that may become a network, or null for another symbol.</summary>
    public static string? HintNameOf(ISymbol symbol) => symbol is INamedTypeSymbol type && type.Name.Length > 0 ? HintName(type) : null;

    private static string HintName(INamedTypeSymbol type)
    {
        var names = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            names.Insert(0, current.Name);
        if (!type.ContainingNamespace.IsGlobalNamespace)
            names.Insert(0, type.ContainingNamespace.ToDisplayString());
        return string.Join(".", names) + ".g.cs";
    }

    private static IEnumerable<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
    {
        var outers = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            outers.Insert(0, new ContainingTypeSpec(KeywordOf(outer), Identifier(outer.Name)));
        return outers;
    }

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    /// <summary>Escapes a name that is also a C# keyword, as <c>@class</c>.</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
