using System;

namespace NetGen.Generator.Weights;

/// <summary>
/// How a path in <c>Weights = "..."</c> and a path the build writes into an encoded file are made comparable:
/// '/' separators, no leading "./". Paths compare ordinally, as on the file systems where a build runs
/// case-sensitively; the diagnostic for a file not found lists the names there are.
/// </summary>
internal static class WeightsPaths
{
    /// <summary>The extension of the weights files a project lists; the generator never reads these itself, only their encoded form.</summary>
    public const string SafetensorsExtension = ".safetensors";

    public static string Normalize(string path)
    {
        string normalized = path.Trim().Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
            normalized = normalized.Substring(2);
        return normalized;
    }

    /// <summary>The extension of the ONNX models a project lists, which reach the generator the same way.</summary>
    public const string OnnxExtension = ".onnx";

    public static bool IsSafetensors(string path) => path.EndsWith(SafetensorsExtension, StringComparison.OrdinalIgnoreCase);

    public static bool IsOnnx(string path) => path.EndsWith(OnnxExtension, StringComparison.OrdinalIgnoreCase);
}
