using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// A graph's input or output (ValueInfoProto with a tensor TypeProto): its name, element type and shape. A value
/// whose type is not a tensor has <see cref="OnnxDataType.Undefined"/>; one without a shape has
/// <paramref name="HasShape"/> false, which is not the same as a scalar's empty shape.
/// </summary>
internal sealed record OnnxValueInfoSpec(string Name, OnnxDataType ElementType, bool HasShape, EquatableArray<OnnxDimensionSpec> Dimensions);
