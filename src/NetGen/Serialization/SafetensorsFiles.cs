using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters as a safetensors file, the format of PyTorch's and Hugging Face's model files,
/// under the names PyTorch's <c>state_dict</c> gives the equivalent model, so that <c>model.load_state_dict</c> takes them
/// as they are, and files written by PyTorch load here.
/// </summary>
/// <remarks>
/// <para>
/// The format: an 8-byte little-endian unsigned header length N; N bytes of UTF-8 JSON, padded with spaces to a
/// multiple of 8, <c>{"__metadata__": {…}, "0.weight": {"dtype": "F32", "shape": [out, in], "data_offsets": [begin, end]},
/// "0.bias": {"dtype": "F32", "shape": [out], "data_offsets": […]}, …}</c>; then the tensors' raw little-endian bytes,
/// each at its offsets from the end of the header.
/// </para>
/// <para>
/// Per layer there are two tensors, in order: the weight, shape [out, in] row-major, and the bias, shape [out], named
/// by <see cref="LayerDescription.WeightName"/> and <see cref="LayerDescription.BiasName"/>: <c>0.weight</c>,
/// <c>0.bias</c>, <c>2.weight</c>, … as an <c>nn.Sequential</c> numbers its modules (activations and dropout count), or
/// <c>lin_1.weight</c>, … for layers given a <see cref="DenseAttribute.Name"/>. A float network writes F32 and a double
/// network F64. The metadata holds <c>format: pt</c>, <c>netgen.version</c> and <c>netgen.network</c>, the network's
/// <see cref="NetworkDescription.ToJson"/>.
/// </para>
/// <para>
/// Loading takes F32, F64, F16 and BF16 tensors, converting them to the network's precision (exactly, except F64 into a
/// float network, which rounds to nearest). It is strict, as <c>load_state_dict(strict=True)</c> is: every tensor of the
/// network must be there with its shape, and no other. The file is checked as the reference implementation checks it
/// (header length at most 100 MB and inside the file, valid UTF-8 JSON of the expected structure, byte ranges that
/// start at 0, follow each other without gap or overlap, match each tensor's shape and dtype and end where the file
/// ends). Loading is all or nothing: on any error the parameters are unchanged.
/// </para>
/// </remarks>
public static class SafetensorsFiles
{
    /// <summary>The metadata key of the NetGen version that wrote a file.</summary>
    internal const string VersionKey = "netgen.version";

    /// <summary>The metadata key of the written network's description, as JSON.</summary>
    internal const string NetworkKey = "netgen.network";

    /// <summary>Writes the network's parameters to a safetensors file at <paramref name="path"/>, replacing any file there.</summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static void SaveSafetensors<T>(this INetwork<T> network, string path) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        network.SaveSafetensors(file);
    }

    /// <summary>Writes the network's parameters as a safetensors file to <paramref name="stream"/> from its position; leaves it open.</summary>
    public static void SaveSafetensors<T>(this INetwork<T> network, Stream stream) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        NetworkDescription description = network.Description;
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);

        var writer = new SafetensorsWriter();
        writer.Metadata["format"] = "pt";
        writer.Metadata[VersionKey] = NetGenVersion.Value;
        writer.Metadata[NetworkKey] = description.ToJson();
        foreach (LayerDescription layer in description.Layers)
        {
            writer.Add<T>(layer.WeightName, parameters.AsSpan(layer.ParameterOffset, layer.WeightCount), layer.OutputSize, layer.InputSize);
            writer.Add<T>(layer.BiasName, parameters.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), layer.OutputSize);
        }
        writer.WriteTo(stream);
    }

    /// <summary>Reads the network's parameters from the safetensors file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is not valid safetensors, does not hold exactly this network's tensors with their shapes, or holds a
    /// value that is not finite; the message names the file, the tensor and what is wrong. The parameters are unchanged.
    /// </exception>
    public static void LoadSafetensors<T>(this INetwork<T> network, string path) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Load(network, file, $"file '{path}'");
    }

    /// <summary>Reads the network's parameters from a safetensors file in <paramref name="stream"/>, from its position to its end; leaves it open.</summary>
    /// <exception cref="InvalidDataException">
    /// The bytes are not valid safetensors, do not hold exactly this network's tensors with their shapes, or hold a value
    /// that is not finite; the parameters are unchanged.
    /// </exception>
    public static void LoadSafetensors<T>(this INetwork<T> network, Stream stream) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        Load(network, stream, "stream");
    }

    private static void Load<T>(INetwork<T> network, Stream stream, string source) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        NetworkDescription description = network.Description;
        // No dtype NetGen reads takes more than 8 bytes an element: a file that declares more is not this network's,
        // and is refused before its data is read.
        SafetensorsReader reader = SafetensorsReader.Read(stream, source, maximumDataLength: (long)description.ParameterCount * sizeof(double));
        CheckTensors(reader, description);

        var parameters = new T[description.ParameterCount];
        foreach (LayerDescription layer in description.Layers)
        {
            Read(reader, description, layer.WeightName, parameters.AsSpan(layer.ParameterOffset, layer.WeightCount), columns: layer.InputSize);
            Read(reader, description, layer.BiasName, parameters.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), columns: 0);
        }
        network.ImportParameters(parameters);
    }

    /// <summary>Checks the file's tensors against the network's, as PyTorch's strict load does, listing every difference.</summary>
    private static void CheckTensors(SafetensorsReader reader, NetworkDescription description)
    {
        var problems = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (LayerDescription layer in description.Layers)
        {
            Check(layer.WeightName, [layer.OutputSize, layer.InputSize]);
            Check(layer.BiasName, [layer.OutputSize]);
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

    /// <summary>Reads one tensor (a matrix of <paramref name="columns"/> columns, or a vector for 0), refusing a value that is not finite (whether stored so or too large for float), with where it is.</summary>
    private static void Read<T>(SafetensorsReader reader, NetworkDescription description, string name, Span<T> destination, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        reader.TryGetTensor(name, out SafetensorsTensor tensor);
        reader.ReadValues(tensor, destination);
        int index = Checks.IndexOfNonFinite<T>(destination);
        if (index < 0)
            return;
        string where = columns == 0 ? $"[{index}]" : $"[{index / columns}, {index % columns}]";
        throw Mismatch(reader, description,
            $"tensor '{name}' holds {double.CreateTruncating(destination[index]).ToString(CultureInfo.InvariantCulture)} at {where} "
            + $"(as {(typeof(T) == typeof(float) ? "float" : "double")}); NetGen loads finite values only");
    }

    private static InvalidDataException Mismatch(SafetensorsReader reader, NetworkDescription description, string what) =>
        new($"The safetensors {reader.Source} does not fit the network {description}: {what}.");
}
