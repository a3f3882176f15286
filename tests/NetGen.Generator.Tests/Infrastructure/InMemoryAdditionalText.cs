using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item as the compiler hands it to a generator: a path and its text, or no text where it could not read the file.</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        text is null ? null : SourceText.From(text, Encoding.UTF8);

    /// <summary>
    /// A weights file as NetGen's build step hands it over (build/NetGen.targets): its text form in obj/, naming
    /// <paramref name="projectPath"/>, the path the project lists it under.
    /// </summary>
    public static InMemoryAdditionalText Weights(string projectPath, byte[] bytes) =>
        new($"/project/obj/netgen/{System.IO.Path.GetFileName(projectPath)}.0{EncodedWeightsFile.Extension}", EncodedWeightsFile.Encode(projectPath, bytes));
}
