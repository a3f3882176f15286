namespace NetGen;

/// <summary>
/// The element types the safetensors format names in a tensor's <c>dtype</c>, spelled as the format spells them.
/// NetGen writes <see cref="F32"/> and <see cref="F64"/> and reads <see cref="F16"/> and <see cref="BF16"/> too;
/// the others are known so that a file holding them is described, not refused as malformed.
/// </summary>
internal enum SafetensorsDType
{
    BOOL,
    U8,
    I8,
    F8_E5M2,
    F8_E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    I64,
    U64,
    F64,
}
