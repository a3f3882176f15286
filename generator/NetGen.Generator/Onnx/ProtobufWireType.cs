namespace NetGen.Generator.Onnx;

/// <summary>
/// The low three bits of a protobuf field's tag, which say how its value is laid out. Groups (3 and 4) are
/// deprecated and ONNX never uses them; 6 and 7 do not exist. The reader refuses all four.
/// </summary>
internal enum ProtobufWireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
