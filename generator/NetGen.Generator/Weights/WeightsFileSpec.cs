using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// What the generator made of one weights file the build handed it: the path the project lists it under
/// (the one <c>Weights =</c> names), and either its tensors or why it could not be read.
/// </summary>
/// <param name="ProjectPath">The path relative to the project, with '/' separators, as <see cref="WeightsPaths.Normalize"/> writes it.</param>
/// <param name="Problem"><see cref="WeightsFileProblem.None"/> when the file was read; otherwise what went wrong, which <paramref name="Detail"/> says for the diagnostic.</param>
internal sealed record WeightsFileSpec(string ProjectPath, WeightsFileProblem Problem, string? Detail, EquatableArray<SafetensorsTensorSpec> Tensors)
{
    public static WeightsFileSpec Read(string projectPath, EquatableArray<SafetensorsTensorSpec> tensors) =>
        new(projectPath, WeightsFileProblem.None, null, tensors);

    public static WeightsFileSpec Failed(string projectPath, WeightsFileProblem problem, string detail) =>
        new(projectPath, problem, detail, EquatableArray<SafetensorsTensorSpec>.Empty);
}

/// <summary>
/// Why a weights file the build handed over gives no tensors: each is its own diagnostic, with its own fix. (A binary
/// file listed without NetGen's build step never gets this far: the generator sees its path only.)
/// </summary>
internal enum WeightsFileProblem
{
    None,

    /// <summary>The compiler handed no text, or text that is not NetGen's encoding of a file.</summary>
    Unreadable,

    /// <summary>The bytes are not a valid safetensors file.</summary>
    Malformed,
}
