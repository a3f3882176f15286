using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// A network's parameters as safetensors tensors, named as PyTorch's <c>state_dict</c> names them (optionally under a
/// prefix, for the other arrays of a parameter's shape that a checkpoint holds): per layer, the weight [out, in]
/// row-major and the bias [out], from and to the canonical order of <see cref="INetwork{T}.ExportParameters"/>.
/// </summary>
internal static class LayerTensors
{
    /// <summary>Each layer's weight and bias tensor under <paramref name="prefix"/>, with its shape, in order.</summary>
    public static IEnumerable<(string Name, long[] Shape)> Shapes(NetworkDescription description, string prefix = "") =>
        description.Layers.SelectMany(layer => new (string, long[])[]
        {
            (prefix + layer.WeightName, [layer.OutputSize, layer.InputSize]), (prefix + layer.BiasName, [layer.OutputSize]),
        });

    /// <summary>Adds <paramref name="canonical"/>, values in the canonical order, as the layers' tensors under <paramref name="prefix"/>.</summary>
    public static void Add<T>(SafetensorsWriter writer, NetworkDescription description, ReadOnlySpan<T> canonical, string prefix = "")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        foreach (LayerDescription layer in description.Layers)
        {
            writer.Add(prefix + layer.WeightName, canonical.Slice(layer.ParameterOffset, layer.WeightCount), layer.OutputSize, layer.InputSize);
            writer.Add(prefix + layer.BiasName, canonical.Slice(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), layer.OutputSize);
        }
    }

    /// <summary>
    /// The differences between the file's tensors and <paramref name="expected"/>, as PyTorch's strict load finds them
    /// (missing, of another shape or dtype, or not expected), joined by "; "; empty when there are none.
    /// </summary>
    public static string Differences(SafetensorsReader reader, IEnumerable<(string Name, long[] Shape)> expected)
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, shape) in expected)
        {
            names.Add(name);
            if (!reader.TryGetTensor(name, out SafetensorsTensor tensor))
                problems.Add($"tensor '{name}' {SafetensorsTensor.FormatShape(shape)} is missing");
            else if (!tensor.Shape.SequenceEqual(shape))
                problems.Add($"tensor '{name}' has shape {tensor.ShapeText}, expected {SafetensorsTensor.FormatShape(shape)}");
            else if (!SafetensorsDTypes.IsReadable(tensor.DType) && tensor.DType != SafetensorsDType.I32)
                problems.Add($"tensor '{name}' is {tensor.DType}; NetGen reads F32, F64, F16 and BF16");
        }
        foreach (SafetensorsTensor tensor in reader.Tensors)
        {
            if (!names.Contains(tensor.Name))
                problems.Add($"tensor '{tensor.Name}' {tensor.ShapeText} is not one of the network's");
        }
        return string.Join("; ", problems);
    }

    /// <summary>
    /// The layers' tensors under <paramref name="prefix"/>, checked already, in the canonical order, refusing a value that is
    /// not finite (whether stored so or too large for T) with where it is.
    /// </summary>
    public static T[] Read<T>(SafetensorsReader reader, NetworkDescription description, Func<string, InvalidDataException> invalid, string prefix = "")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var values = new T[description.ParameterCount];
        foreach (LayerDescription layer in description.Layers)
        {
            ReadFinite(reader, prefix + layer.WeightName, values.AsSpan(layer.ParameterOffset, layer.WeightCount), layer.InputSize, invalid);
            ReadFinite(reader, prefix + layer.BiasName, values.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), 0, invalid);
        }
        return values;
    }

    /// <summary>One tensor (a matrix of <paramref name="columns"/> columns, or a vector for 0), every value finite.</summary>
    private static void ReadFinite<T>(SafetensorsReader reader, string name, Span<T> destination, int columns, Func<string, InvalidDataException> invalid)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!reader.TryGetTensor(name, out SafetensorsTensor tensor))
            throw invalid($"tensor '{name}' is missing");
        reader.ReadValues(tensor, destination);
        int index = Checks.IndexOfNonFinite<T>(destination);
        if (index < 0)
            return;
        string where = columns == 0 ? $"[{index}]" : $"[{index / columns}, {index % columns}]";
        throw invalid($"tensor '{name}' holds {double.CreateTruncating(destination[index]).ToString(CultureInfo.InvariantCulture)} at {where} "
            + $"(as {(typeof(T) == typeof(float) ? "float" : "double")}); NetGen loads finite values only");
    }
}
