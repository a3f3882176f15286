using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// A constant tensor of the model (TensorProto), an initializer or an attribute's value: its name, element type
/// and dims, and its values, whether the file holds them in raw_data or in the typed field. Float, double, float16
/// and bfloat16 values are in <paramref name="Values"/> (widened exactly); int32 and int64 ones (shapes, axes) in
/// <paramref name="Integers"/>. Other element types keep their type and dims with no values, for the mapping to refuse.
/// </summary>
internal sealed record OnnxTensorSpec(
    string Name,
    OnnxDataType DataType,
    EquatableArray<long> Dims,
    EquatableArray<double> Values,
    EquatableArray<long> Integers)
{
    public string DimsText => "[" + string.Join(", ", Dims) + "]";
}
