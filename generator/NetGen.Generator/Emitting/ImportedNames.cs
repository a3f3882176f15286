using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Emitting;

/// <summary>
/// The namespaces a generated network imports, with the names of theirs it uses, so that its code can say
/// <c>Vector128.Create</c> and <c>Checks.Length</c> instead of <c>global::</c> paths. The using directives go
/// inside the file's namespace declaration, where only the members of the class (and of the types around it
/// and their bases) and the types of that very namespace come first in a lookup; the parser checks those for
/// these names (<see cref="IsShadowed"/>). A class whose scope takes one of them, or that lives in the global
/// namespace (where any global using could make a name ambiguous), gets every name written out in full instead
/// (<see cref="Qualify"/>).
/// </summary>
internal static class ImportedNames
{
    public static readonly (string Namespace, string[] Names)[] Namespaces =
    [
        ("NetGen",
        [
            "Activation", "Init", "Initializers", "INetwork", "LayerDescription", "Loss", "NetworkDescription", "OptimizerDescription",
            "OptimizerKind", "Precision", "SeededRandom",
        ]),
        ("NetGen.Kernels",
        [
            "Activations", "Alignment", "Checks", "Dense", "InferenceScratch", "ITrainingLayers", "Layout", "Losses", "NetworkTraining",
            "Predictions", "Regularization", "Strided", "TrainingSchedule",
        ]),
        ("System", ["Array", "Math", "ReadOnlySpan", "Span", "ThreadStatic"]),
        ("System.Runtime.CompilerServices", ["InlineArray", "MethodImpl", "MethodImplOptions", "Unsafe"]),
        ("System.Runtime.InteropServices", ["MemoryMarshal"]),
        ("System.Runtime.Intrinsics", ["Vector128", "Vector256", "Vector512"]),
    ];

    private static readonly Dictionary<string, string> NamespaceOf =
        Namespaces.SelectMany(n => n.Names.Select(name => (name, n.Namespace))).ToDictionary(p => p.name, p => p.Namespace);

    /// <summary>Whether a name of the user's scope would be found before the imported one of that name (an attribute, also by its full class name).</summary>
    public static bool IsShadowed(string userName) =>
        NamespaceOf.ContainsKey(userName)
        || (userName.EndsWith("Attribute", System.StringComparison.Ordinal) && NamespaceOf.ContainsKey(userName.Substring(0, userName.Length - "Attribute".Length)));

    /// <summary>The file's using directives, written inside its namespace declaration.</summary>
    public static IEnumerable<string> Directives => Namespaces.Select(n => $"using global::{n.Namespace};");

    /// <summary>Rewrites every imported name that <paramref name="source"/> uses unqualified as its <c>global::</c> path.</summary>
    public static string Qualify(string source) => new Qualifier().Visit(CSharpSyntaxTree.ParseText(source).GetRoot()).ToFullString();

    private sealed class Qualifier : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitIdentifierName(IdentifierNameSyntax node) =>
            IsImported(node) ? Qualified(node, node.Identifier.ValueText) : base.VisitIdentifierName(node);

        public override SyntaxNode? VisitGenericName(GenericNameSyntax node)
        {
            var visited = (GenericNameSyntax)base.VisitGenericName(node)!;
            return IsImported(node) ? Qualified(visited, node.Identifier.ValueText) : visited;
        }

        /// <summary>
        /// A name that starts a path (not the member part of <c>a.b</c>, nor an argument's name, nor the member an
        /// object initializer sets, as <c>Init</c> in <c>{ Init = Init.HeNormal }</c>).
        /// </summary>
        private static bool IsImported(SimpleNameSyntax node) =>
            NamespaceOf.ContainsKey(node.Identifier.ValueText) && node.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression == node,
                QualifiedNameSyntax qualified => qualified.Left == node,
                AliasQualifiedNameSyntax or NameColonSyntax => false,
                AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Right == node,
                _ => true,
            };

        private static SyntaxNode Qualified(SimpleNameSyntax node, string name) =>
            SyntaxFactory.ParseName($"global::{NamespaceOf[name]}.{node.WithoutTrivia().ToFullString()}").WithTriviaFrom(node);
    }
}
