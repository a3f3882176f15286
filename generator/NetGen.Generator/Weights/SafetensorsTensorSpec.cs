using System;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// One tensor of a weights file as the file has it: its name, its dtype's name, its shape and its bytes
/// (little-endian, row-major), compared byte for byte so that a file edited by a single bit regenerates.
/// </summary>
internal sealed record SafetensorsTensorSpec(string Name, string DType, EquatableArray<long> Shape, EquatableArray<byte> Data)
{
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
