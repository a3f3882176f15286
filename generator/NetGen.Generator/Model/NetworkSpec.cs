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
    double L2);

/// <summary>A type that encloses the network class, written again as a <c>partial</c> shell.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
