using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>A graph (GraphProto): its nodes in the file's order, which ONNX requires to be topological, its constant tensors, its inputs and its outputs.</summary>
internal sealed record OnnxGraphSpec(
    string Name,
    EquatableArray<OnnxNodeSpec> Nodes,
    EquatableArray<OnnxTensorSpec> Initializers,
    EquatableArray<OnnxValueInfoSpec> Inputs,
    EquatableArray<OnnxValueInfoSpec> Outputs);
