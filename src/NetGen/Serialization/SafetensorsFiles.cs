using System;
using System.IO;
using System.Numerics;

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
        NetworkTensors.Add<T>(writer, description, parameters);
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
        NetworkTensors.CheckExactly(reader, description, "");
        network.ImportParameters(NetworkTensors.Read<T>(reader, description));
    }
}
