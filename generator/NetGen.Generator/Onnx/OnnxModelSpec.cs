using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>An ONNX model (ModelProto) as far as an exported MLP needs it: its IR version, the operator sets it imports, and its graph.</summary>
internal sealed record OnnxModelSpec(long IrVersion, EquatableArray<OnnxOpsetSpec> OpsetImports, OnnxGraphSpec Graph);
