using System.IO;
using System.Numerics;
using Onnx;

namespace NetGen.Onnx.Tests.Support;

/// <summary>A network's exported file, as bytes and decoded back into ONNX's messages.</summary>
public static class ExportedModel
{
    public static byte[] Bytes<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var stream = new MemoryStream();
        network.ExportOnnx(stream);
        return stream.ToArray();
    }

    /// <summary>The model <c>ExportQuantizedOnnx</c> writes for <paramref name="network"/>.</summary>
    public static byte[] QuantizedBytes(INetwork<float> network)
    {
        var stream = new MemoryStream();
        network.ExportQuantizedOnnx(stream);
        return stream.ToArray();
    }

    internal static ModelProto Decode<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        ModelProto.Parser.ParseFrom(Bytes(network));

    internal static ModelProto DecodeQuantized(INetwork<float> network) => ModelProto.Parser.ParseFrom(QuantizedBytes(network));
}
