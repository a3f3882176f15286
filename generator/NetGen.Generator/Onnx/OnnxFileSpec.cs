using NetGen.Generator.Weights;

namespace NetGen.Generator.Onnx;

/// <summary>
/// What the generator made of one ONNX file the build handed it: the path the project lists it under (the one
/// <c>[OnnxNetwork("...")]</c> names), and either its model or why it could not be read.
/// </summary>
internal sealed record OnnxFileSpec(string ProjectPath, WeightsFileProblem Problem, string? Detail, OnnxModelSpec? Model)
{
    /// <summary>Reads one encoded ONNX file; never throws but for cancellation.</summary>
    public static OnnxFileSpec Read(Microsoft.CodeAnalysis.AdditionalText file, System.Threading.CancellationToken cancellationToken) =>
        FromContent(EncodedWeightsFile.ReadContent(file, cancellationToken));

    public static OnnxFileSpec FromContent(EncodedFileContent content)
    {
        if (content.Bytes is null)
            return new OnnxFileSpec(content.ProjectPath, WeightsFileProblem.Unreadable, content.Problem, null);
        OnnxReadResult read = OnnxModelReader.Read(content.Bytes);
        return read.Model is null
            ? new OnnxFileSpec(content.ProjectPath, WeightsFileProblem.Malformed, read.Error, null)
            : new OnnxFileSpec(content.ProjectPath, WeightsFileProblem.None, null, read.Model);
    }
}
