using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>
/// What the parser makes of one <c>[Network]</c> class: a model to emit, or, when the declaration has
/// errors, the diagnostics and the public surface to emit in its place (none where the class cannot
/// take generated members).
/// </summary>
internal sealed record ParseResult(NetworkSpec? Network, EquatableArray<DiagnosticInfo> Diagnostics, StubSpec? Stub);
