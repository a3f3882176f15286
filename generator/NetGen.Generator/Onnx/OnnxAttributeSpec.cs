using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// A node's attribute (AttributeProto): its name, the type that says which value field counts, and the fields an
/// MLP's operators use: a float, an int, a string, lists of floats and ints, a tensor, and a subgraph (so that a
/// branch or a loop can be named as what it is). Fields the type does not select keep their defaults.
/// </summary>
internal sealed record OnnxAttributeSpec(
    string Name,
    OnnxAttributeType Type,
    float Float,
    long Int,
    string String,
    EquatableArray<float> Floats,
    EquatableArray<long> Ints,
    OnnxTensorSpec? Tensor,
    OnnxGraphSpec? Graph);
