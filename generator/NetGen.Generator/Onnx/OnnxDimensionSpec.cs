namespace NetGen.Generator.Onnx;

/// <summary>
/// One dimension of an input's or output's shape (TensorShapeProto.Dimension): a fixed <paramref name="Value"/>,
/// or a symbolic one named by <paramref name="Param"/> such as the batch that torch.onnx.export's dynamic_axes
/// declares. A dimension with neither is unknown: Value 0 and Param null.
/// </summary>
internal sealed record OnnxDimensionSpec(long Value, string? Param)
{
    public bool IsSymbolic => Param is not null;

    public override string ToString() => Param ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
