using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// Finds the file a declaration names among those NetGen's build step handed over, safetensors or ONNX alike: by the
/// path the project lists it under, or, for one whose text could not be read and so could not say its path, by its
/// file name. Where there is none, says why: the project does not list it (NG0024, with the files it does list), or
/// lists it but the build step did not run (NG0025).
/// </summary>
internal static class HandedOverFiles
{
    public static T? Find<T>(string path, IEnumerable<T> files, Func<T, string> projectPath, Func<T, bool> unreadable) where T : class =>
        files.FirstOrDefault(f => projectPath(f) == path)
        ?? files.FirstOrDefault(f => unreadable(f) && projectPath(f) == path.Substring(path.LastIndexOf('/') + 1));

    /// <summary>Why no file of <paramref name="listedPaths"/> answers <paramref name="path"/>: the descriptor and the message's arguments after the network's name.</summary>
    public static (DiagnosticDescriptor Descriptor, string[] Arguments) Missing(string path, IEnumerable<string> listedPaths, EquatableArray<string> listedBinaryPaths, string kind)
    {
        if (listedBinaryPaths.Any(listed => WeightsPaths.Normalize(listed).EndsWith("/" + path, StringComparison.Ordinal) || WeightsPaths.Normalize(listed) == path))
            return (DiagnosticDescriptors.WeightsFileNotHandedOver, [path]);
        string[] known = [.. listedPaths.Distinct().OrderBy(p => p, StringComparer.Ordinal)];
        return (DiagnosticDescriptors.WeightsFileNotListed,
            [path, known.Length == 0 ? "" : $" (the {kind} files it lists: " + string.Join(", ", known.Select(p => $"'{p}'")) + ")"]);
    }
}
