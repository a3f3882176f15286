using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>
/// What an <c>[OnnxNetwork("model.onnx")]</c> class declares before its model is read: the file, and what the
/// attributes settle themselves. <see cref="Loss"/> and <see cref="Precision"/> are null where left to the model.
/// </summary>
internal sealed record OnnxNetworkDeclaration(
    DeclaredTypeSpec Type,
    string Path,
    LossKind? Loss,
    PrecisionKind? Precision,
    OptimizerSpec Optimizer,
    double L1,
    double L2,
    EquatableArray<string> UserMemberNames,
    bool QualifiesNames)
{
    /// <summary>Where the class is declared; left out of equality, as in <see cref="NetworkSpec"/>.</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>Where the path is written, for the diagnostics about the model; left out of equality.</summary>
    public LocationInfo? PathLocation { get; init; }

    public bool Equals(OnnxNetworkDeclaration? other) =>
        other is not null && Type == other.Type && Path == other.Path && Loss == other.Loss && Precision == other.Precision
        && Optimizer == other.Optimizer && L1.Equals(other.L1) && L2.Equals(other.L2) && UserMemberNames == other.UserMemberNames
        && QualifiesNames == other.QualifiesNames;

    public override int GetHashCode() => (Type, Path, Optimizer, UserMemberNames).GetHashCode();
}

/// <summary>What the parser makes of an <c>[OnnxNetwork]</c> class: a declaration to map, or diagnostics and the public surface to emit instead.</summary>
internal sealed record OnnxParseResult(OnnxNetworkDeclaration? Network, EquatableArray<DiagnosticInfo> Diagnostics, StubSpec? Stub);
