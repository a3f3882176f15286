using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// A network's values in the canonical order (parameters, or anything laid out like them, such as an optimizer's
/// moments) as safetensors tensors: per layer its weight [out, in] and its bias [out], named
/// <c>{prefix}{WeightName}</c> and <c>{prefix}{BiasName}</c> by the <see cref="NetworkDescription"/>.
/// </summary>
internal static class NetworkTensors
{
    /// <summary>Adds <paramref name="values"/>, in the canonical order, as the layers' tensors, in layer order.</summary>
    public static void Add<T>(SafetensorsWriter writer, NetworkDescription description, ReadOnlySpan<T> values, string prefix = "")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(values, description.ParameterCount, nameof(values));
        foreach (LayerDescription layer in description.Layers)
        {
            writer.Add(prefix + layer.WeightName, values.Slice(layer.ParameterOffset, layer.WeightCount), layer.OutputSize, layer.InputSize);
            writer.Add(prefix + layer.BiasName, values.Slice(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), layer.OutputSize);
        }
    }

    /// <summary>
    /// Checks, as PyTorch's strict <c>load_state_dict</c> does, that the file holds the layers' tensors under each of
    /// <paramref name="prefixes"/>, with their shapes and a dtype NetGen reads, and no other tensor; the exception lists
    /// every difference.
    /// </summary>
    /// <exception cref="InvalidDataException">A tensor is missing, has another shape or dtype, or is not the network's.</exception>
    public static void CheckExactly(SafetensorsReader reader, NetworkDescription description, params ReadOnlySpan<string> prefixes)
    {
        var problems = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (string prefix in prefixes)
        {
            foreach (LayerDescription layer in description.Layers)
            {
                Check(prefix + layer.WeightName, [layer.OutputSize, layer.InputSize]);
                Check(prefix + layer.BiasName, [layer.OutputSize]);
            }
        }
        foreach (SafetensorsTensor tensor in reader.Tensors)
        {
            if (!expected.Contains(tensor.Name))
                problems.Add($"tensor '{tensor.Name}' {tensor.ShapeText} is not one of the network's");
        }
        if (problems.Count > 0)
            throw Mismatch(reader, description, string.Join("; ", problems));

        void Check(string name, long[] shape)
        {
            expected.Add(name);
            if (!reader.TryGetTensor(name, out SafetensorsTensor tensor))
                problems.Add($"tensor '{name}' {SafetensorsTensor.FormatShape(shape)} is missing");
            else if (!tensor.Shape.SequenceEqual(shape))
                problems.Add($"tensor '{name}' has shape {tensor.ShapeText}, expected {SafetensorsTensor.FormatShape(shape)}");
            else if (!SafetensorsDTypes.IsReadable(tensor.DType))
                problems.Add($"tensor '{name}' is {tensor.DType}; NetGen reads F32, F64, F16 and BF16");
        }
    }

    /// <summary>
    /// Reads the layers' tensors under <paramref name="prefix"/> into the canonical order, converted to
    /// <typeparamref name="T"/>, after <see cref="CheckExactly"/> has passed; refuses a value that is not finite, whether
    /// stored so or too large for float, naming the tensor and the element.
    /// </summary>
    /// <exception cref="InvalidDataException">A value is NaN or infinite.</exception>
    public static T[] Read<T>(SafetensorsReader reader, NetworkDescription description, string prefix = "")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var values = new T[description.ParameterCount];
        foreach (LayerDescription layer in description.Layers)
        {
            ReadFinite(reader, description, prefix + layer.WeightName, values.AsSpan(layer.ParameterOffset, layer.WeightCount), columns: layer.InputSize);
            ReadFinite(reader, description, prefix + layer.BiasName, values.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), columns: 0);
        }
        return values;
    }

    /// <summary>The error for a valid file whose tensors are not what the network needs.</summary>
    public static InvalidDataException Mismatch(SafetensorsReader reader, NetworkDescription description, string what) =>
        new($"The safetensors {reader.Source} does not fit the network {description}: {what}.");

    /// <summary>Reads one tensor, a matrix of <paramref name="columns"/> columns or a vector for 0 (which says where a bad value is).</summary>
    private static void ReadFinite<T>(SafetensorsReader reader, NetworkDescription description, string name, Span<T> destination, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!reader.TryGetTensor(name, out SafetensorsTensor tensor))
            throw Mismatch(reader, description, $"tensor '{name}' is missing");
        reader.ReadValues(tensor, destination);
        int index = Checks.IndexOfNonFinite<T>(destination);
        if (index < 0)
            return;
        string where = columns == 0 ? $"[{index}]" : $"[{index / columns}, {index % columns}]";
        throw Mismatch(reader, description,
            $"tensor '{name}' holds {double.CreateTruncating(destination[index]).ToString(CultureInfo.InvariantCulture)} at {where} "
            + $"(as {(typeof(T) == typeof(float) ? "float" : "double")}); NetGen loads finite values only");
    }
}
