using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Keeps the generated class's private members clear of the names the user's class already uses (its
/// own members, those it inherits and can see, and the class's own name): a private member of the
/// same name would not compile, or would hide the user's with a warning. The emitter writes readable
/// names; only a network whose user took one of them gets that name suffixed, everywhere it appears.
/// </summary>
internal static class PrivateNames
{
    public static string AvoidUserNames(string source, string className, EquatableArray<string> userNames)
    {
        if (userNames.Count == 0 || !userNames.Any(name => source.Contains(name)))
            return source;
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        ClassDeclarationSyntax? network = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .FirstOrDefault(c => c.Identifier.ValueText == className.TrimStart('@'));
        if (network is null)
            return source;

        var taken = new HashSet<string>(userNames);
        HashSet<string> publicNames = DeclaredNames(network, isPublic: true);
        var renames = new Dictionary<string, string>();
        HashSet<string> privateNames = DeclaredNames(network, isPublic: false);
        foreach (string name in privateNames.Where(n => taken.Contains(n) && !publicNames.Contains(n)).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            string renamed = name + "_";
            while (taken.Contains(renamed) || privateNames.Contains(renamed) || publicNames.Contains(renamed))
                renamed += "_";
            renames[name] = renamed;
            taken.Add(renamed);
        }
        if (renames.Count == 0)
            return source;
        return new Renamer(renames).Visit(tree.GetRoot()).ToFullString();
    }

    /// <summary>The names of the members of the class and its nested types, public or not.</summary>
    private static HashSet<string> DeclaredNames(ClassDeclarationSyntax network, bool isPublic)
    {
        var names = new HashSet<string>();
        foreach (MemberDeclarationSyntax member in network.DescendantNodes().OfType<MemberDeclarationSyntax>())
        {
            // Members of the network itself count by their own modifiers; those of its private nested types
            // are reached only through them, so they count as private.
            bool topLevel = member.Parent == network;
            bool declaredPublic = topLevel && member.Modifiers.Any(SyntaxKind.PublicKeyword);
            if (declaredPublic != isPublic)
                continue;
            foreach (string name in NamesOf(member))
                names.Add(name);
        }
        return names;
    }

    private static IEnumerable<string> NamesOf(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method => [method.Identifier.ValueText],
        PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property => [property.Identifier.ValueText],
        BaseTypeDeclarationSyntax type => [type.Identifier.ValueText],
        _ => [],
    };

    /// <summary>
    /// Renames identifiers of the generated members: declarations, simple names, and members of this class
    /// reached through an instance (<c>copy._gradients</c>, <c>scratch.Sample</c>). Names after a
    /// <c>global::</c> path are the runtime's and stay, as do argument names, which name parameters, and
    /// the names of explicit interface implementations, which name the interface's members.
    /// </summary>
    private sealed class Renamer(Dictionary<string, string> renames) : CSharpSyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !renames.TryGetValue(token.ValueText, out string? renamed))
                return token;
            SyntaxNode? parent = token.Parent;
            if (parent?.Parent is NameColonSyntax)
                return token;
            // An explicit implementation is named by the interface's member, not by the class.
            if (parent is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null } or PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
                return token;
            if (parent is SimpleNameSyntax name && name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                && access.Expression.ToString().StartsWith("global::"))
                return token;
            if (parent is SimpleNameSyntax qualified && qualified.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
                return token;
            return SyntaxFactory.Identifier(token.LeadingTrivia, renamed, token.TrailingTrivia);
        }
    }
}
