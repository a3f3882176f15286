using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>What the parser makes of one <c>[Network]</c> class: a model to emit, or none, and the diagnostics.</summary>
internal sealed record ParseResult(NetworkSpec? Network, EquatableArray<DiagnosticInfo> Diagnostics);
