namespace NetGen.Generator.Onnx;

/// <summary>An operator set the model imports (OperatorSetIdProto): its domain, "" for the default ai.onnx one, and its version.</summary>
internal sealed record OnnxOpsetSpec(string Domain, long Version);
