using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>One operator of a graph (NodeProto): its name, operator and domain ("" for ai.onnx), the names of the values it takes and makes, and its attributes.</summary>
internal sealed record OnnxNodeSpec(
    string Name,
    string OpType,
    string Domain,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<OnnxAttributeSpec> Attributes)
{
    /// <summary>The float attribute <paramref name="name"/>, or <paramref name="fallback"/> (the ONNX default) where the node leaves it out.</summary>
    public float FloatAttribute(string name, float fallback) => Attribute(name) is { } attribute ? attribute.Float : fallback;

    public long IntAttribute(string name, long fallback) => Attribute(name) is { } attribute ? attribute.Int : fallback;

    public string StringAttribute(string name, string fallback) => Attribute(name) is { } attribute ? attribute.String : fallback;

    private OnnxAttributeSpec? Attribute(string name) => System.Linq.Enumerable.FirstOrDefault(Attributes, a => a.Name == name);
}
