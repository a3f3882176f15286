namespace NetGen.Generator.Onnx;

/// <summary>What <see cref="OnnxModelReader.Read"/> made of a file: the model, or the first fault found in it ("what at byte N, in the messages around it"), never both.</summary>
internal sealed record OnnxReadResult(OnnxModelSpec? Model, string? Error)
{
    public static OnnxReadResult Read(OnnxModelSpec model) => new(model, null);

    public static OnnxReadResult Failed(string error) => new(null, error);
}
