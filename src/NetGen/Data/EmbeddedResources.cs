using System;
using System.IO;

namespace NetGen;

/// <summary>Opens the data files that NetGen.csproj embeds in NetGen.dll (see Data/Resources/README.md).</summary>
internal static class EmbeddedResources
{
    /// <summary>The logical names in NetGen.csproj are this prefix followed by the file name.</summary>
    private const string Prefix = "NetGen.Data.Resources.";

    /// <summary>The name that messages give an embedded file, so that a reader can tell it from a file on disk.</summary>
    internal static string DisplayName(string fileName) => $"{fileName} (embedded in NetGen.dll)";

    /// <summary>A stream over the embedded file <paramref name="fileName"/>, for example <c>iris.csv</c>.</summary>
    internal static Stream Open(string fileName) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new InvalidOperationException(
            $"NetGen.dll holds no resource '{Prefix + fileName}': the build lost it (see the EmbeddedResource items in NetGen.csproj).");
}
