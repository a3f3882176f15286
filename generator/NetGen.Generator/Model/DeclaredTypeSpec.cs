namespace NetGen.Generator.Model;

/// <summary>
/// The class the generator completes, as a network or as the public surface of one with errors: where
/// it is declared (namespace and enclosing types), how it is written, its file's readable hint name, and
/// its full metadata name, which tells apart names that differ only in case.
/// </summary>
internal sealed record DeclaredTypeSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string Name,
    string UniqueKey);

/// <summary>A type that encloses the network class, written again as a <c>partial</c> shell.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
