using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>Everything the emitter needs to write one network, as plain comparable data.</summary>
internal sealed record NetworkSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeKeyword,
    string Name,
    LossKind Loss,
    PrecisionKind Precision,
    int InputSize,
    EquatableArray<DenseLayerSpec> Layers,
    OptimizerSpec Optimizer,
    double L1,
    double L2,
    EquatableArray<string> UserMemberNames,
    string UniqueKey)
{
    /// <summary>
    /// Where the class is declared, for a diagnostic should writing it fail. Left out of equality, so that
    /// an edit that only moves the class does not write the network again.
    /// </summary>
    public LocationInfo? Location { get; init; }

    public bool Equals(NetworkSpec? other) =>
        other is not null && HintName == other.HintName && Namespace == other.Namespace && ContainingTypes == other.ContainingTypes
        && TypeKeyword == other.TypeKeyword && Name == other.Name && Loss == other.Loss && Precision == other.Precision
        && InputSize == other.InputSize && Layers == other.Layers && Optimizer == other.Optimizer && L1.Equals(other.L1)
        && L2.Equals(other.L2) && UserMemberNames == other.UserMemberNames && UniqueKey == other.UniqueKey;

    public override int GetHashCode() => (HintName, Name, InputSize, Layers, Optimizer, UserMemberNames).GetHashCode();
}

/// <summary>A type that encloses the network class, written again as a <c>partial</c> shell.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
