using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>One operator of a graph (NodeProto): its name, operator and domain ("" for ai.onnx), the names of the values it takes and makes, and its attributes.</summary>
internal sealed record OnnxNodeSpec(
    string Name,
    string OpType,
    string Domain,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<OnnxAttributeSpec> Attributes);
