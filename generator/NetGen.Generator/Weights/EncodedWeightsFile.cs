using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Weights;

/// <summary>
/// The text form in which NetGen's build step (build/NetGen.targets) hands a binary weights file to the
/// generator. The compiler decodes every additional file as text, and a safetensors file does not survive
/// that: its 8-byte length always holds two NULs, so when its bytes are not UTF-8 the compiler refuses it
/// as binary (CS2015) and hands no text, and where it does decode, a code page or UTF-8's replacement
/// character can change bytes (docs/compiled-weights.md). So the build writes, per weights file:
/// <code>
/// NetGen weights file 1
/// Data/mnist.safetensors        ← the path relative to the project, as Weights = "..." names it
/// AAAAAAAAAAB7Il9f...           ← the file's bytes, base64
/// </code>
/// in an additional file with the extension <see cref="Extension"/>, in place of the binary one.
/// </summary>
internal static class EncodedWeightsFile
{
    public const string Extension = ".netgen-weights";

    public const string FirstLine = "NetGen weights file 1";

    public static bool IsEncoded(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text NetGen's build step writes for <paramref name="bytes"/>; the tests hand the generator the same.</summary>
    public static string Encode(string projectPath, byte[] bytes) =>
        FirstLine + "\n" + projectPath + "\n" + Convert.ToBase64String(bytes) + "\n";

    /// <summary>
    /// The name of the weights file an encoded file was written for, from its own name, "mnist.safetensors.1a2b3c4d.netgen-weights"
    /// (the hash of the full path tells apart files of one name in different folders): what names the file in a
    /// diagnostic when its text cannot say which it is.
    /// </summary>
    public static string OriginalFileName(string encodedPath)
    {
        string name = System.IO.Path.GetFileName(encodedPath);
        name = name.Substring(0, name.Length - Extension.Length);
        int hash = name.LastIndexOf('.');
        return hash > 0 ? name.Substring(0, hash) : name;
    }

    /// <summary>Whether an encoded file holds an ONNX model rather than safetensors, by the name of the file it was written for.</summary>
    public static bool IsOnnx(string encodedPath) => WeightsPaths.IsOnnx(OriginalFileName(encodedPath));

    /// <summary>Reads one encoded safetensors file into its tensors or its problem; never throws but for cancellation.</summary>
    public static WeightsFileSpec Read(AdditionalText file, CancellationToken cancellationToken)
    {
        EncodedFileContent content = ReadContent(file, cancellationToken);
        return content.Bytes is null
            ? WeightsFileSpec.Failed(content.ProjectPath, WeightsFileProblem.Unreadable, content.Problem!)
            : SafetensorsHeaderReader.Read(content.ProjectPath, content.Bytes);
    }

    public static WeightsFileSpec Decode(string content, string fallbackPath, CancellationToken cancellationToken)
    {
        EncodedFileContent decoded = DecodeContent(content, fallbackPath, cancellationToken);
        return decoded.Bytes is null
            ? WeightsFileSpec.Failed(decoded.ProjectPath, WeightsFileProblem.Unreadable, decoded.Problem!)
            : SafetensorsHeaderReader.Read(decoded.ProjectPath, decoded.Bytes);
    }

    /// <summary>The path and bytes of the file an encoded file was written for, or why they cannot be had; never throws but for cancellation.</summary>
    public static EncodedFileContent ReadContent(AdditionalText file, CancellationToken cancellationToken)
    {
        string fallbackPath = OriginalFileName(file.Path);
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new EncodedFileContent(fallbackPath, null, $"the compiler could not read '{file.Path}': {exception.Message}");
        }
        if (text is null)
            return new EncodedFileContent(fallbackPath, null, $"the compiler could not read '{file.Path}'");
        return DecodeContent(text.ToString(), fallbackPath, cancellationToken);
    }

    public static EncodedFileContent DecodeContent(string content, string fallbackPath, CancellationToken cancellationToken)
    {
        string[] lines = content.Split('\n');
        if (lines.Length < 3 || lines[0].TrimEnd('\r') != FirstLine)
            return new EncodedFileContent(fallbackPath, null,
                $"'{fallbackPath}' does not start with '{FirstLine}', so it was not written by NetGen's build step");
        string projectPath = WeightsPaths.Normalize(lines[1].TrimEnd('\r'));
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(lines[2].TrimEnd('\r'));
        }
        catch (FormatException)
        {
            return new EncodedFileContent(projectPath, null, "its encoded form holds text that is not base64");
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new EncodedFileContent(projectPath, bytes, null);
    }
}

/// <summary>The file an encoded file was written for: its path relative to the project, and its bytes or why there are none.</summary>
internal sealed record EncodedFileContent(string ProjectPath, byte[]? Bytes, string? Problem);
