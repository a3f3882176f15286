using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Model;

/// <summary>
/// The public surface of a network whose declaration has errors: its sizes where they are known, and
/// every member throwing, so that the code that uses the network compiles and only the NG error shows.
/// </summary>
internal sealed record StubSpec(
    DeclaredTypeSpec Type,
    PrecisionKind Precision,
    int? InputSize,
    int? OutputSize,
    int? ParameterCount,
    bool WithConstructor,
    string ErrorId,
    LocationInfo? Location);
