using System.Collections.Generic;

namespace NetGen;

/// <summary>
/// One tensor of a safetensors file, as its header declares it: its element type, its shape and where its bytes lie
/// in the data that follows the header (<paramref name="Begin"/> inclusive, <paramref name="End"/> exclusive).
/// </summary>
/// <param name="Name">The tensor's name, such as <c>0.weight</c>.</param>
/// <param name="DType">The element type of its bytes.</param>
/// <param name="Shape">Its dimensions, outermost first; empty for a scalar.</param>
/// <param name="Begin">The offset of its first byte from the start of the data.</param>
/// <param name="End">The offset just past its last byte.</param>
internal sealed record SafetensorsTensor(string Name, SafetensorsDType DType, IReadOnlyList<long> Shape, long Begin, long End)
{
    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount => (End - Begin) / SafetensorsDTypes.Size(DType);

    /// <summary>The shape as PyTorch prints a size, such as <c>[10, 784]</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>A shape as PyTorch prints a size, such as <c>[10, 784]</c>.</summary>
    public static string FormatShape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
