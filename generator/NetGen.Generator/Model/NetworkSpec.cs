using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one network, as plain comparable data; <see cref="QualifiesNames"/>
/// says that the user's scope takes a name the file would import, so the file writes names in full.
/// </summary>
internal sealed record NetworkSpec(
    DeclaredTypeSpec Type,
    LossKind Loss,
    PrecisionKind Precision,
    int InputSize,
    EquatableArray<DenseLayerSpec> Layers,
    OptimizerSpec Optimizer,
    double L1,
    double L2,
    EquatableArray<string> UserMemberNames,
    bool QualifiesNames,
    string? Weights = null)
{
    /// <summary>
    /// Where the class is declared, for a diagnostic should writing it fail. Left out of equality, so that
    /// an edit that only moves the class does not write the network again.
    /// </summary>
    public LocationInfo? Location { get; init; }

    /// <summary>
    /// Where <c>Weights = "..."</c> is written, for the diagnostics about the file; left out of equality for the
    /// same reason as <see cref="Location"/>.
    /// </summary>
    public LocationInfo? WeightsLocation { get; init; }

    public bool Equals(NetworkSpec? other) =>
        other is not null && Type == other.Type && Loss == other.Loss && Precision == other.Precision
        && InputSize == other.InputSize && Layers == other.Layers && Optimizer == other.Optimizer && L1.Equals(other.L1)
        && L2.Equals(other.L2) && UserMemberNames == other.UserMemberNames
        && QualifiesNames == other.QualifiesNames && Weights == other.Weights;

    public override int GetHashCode() => (Type, InputSize, Layers, Optimizer, UserMemberNames).GetHashCode();
}
