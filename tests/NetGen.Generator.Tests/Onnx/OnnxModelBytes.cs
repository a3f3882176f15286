using System;
using System.Linq;
using static NetGen.Generator.Tests.Onnx.ProtobufBytes;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// Small ONNX models written field by field (numbers from onnx.proto): a valid one to build on, and the pieces
/// that the malformed corpus replaces one at a time.
/// </summary>
internal static class OnnxModelBytes
{
    /// <summary>A ModelProto of IR version 8 importing opset 13, whose graph is <paramref name="graphFields"/>.</summary>
    public static byte[] ModelWithGraph(params byte[][] graphFields) =>
        Concat(VarintField(1, 8), Message(7, graphFields), Message(8, StringField(1, ""), VarintField(2, 13)));

    /// <summary>A graph y = Relu(x) with a 2 x 3 float initializer "w", the smallest that has every kind of message.</summary>
    public static byte[][] ReluGraph() =>
    [
        Message(1, StringField(1, "x"), StringField(2, "y"), StringField(3, "relu"), StringField(4, "Relu")),
        Tensor("w", [2, 3], FloatData(1, 2, 3, 4, 5, 6)),
        Message(11, StringField(1, "x"), TensorType(1, DimParam("batch"), DimValue(3))),
        Message(12, StringField(1, "y"), TensorType(1, DimParam("batch"), DimValue(3))),
    ];

    /// <summary>An initializer (GraphProto field 5) of FLOAT, with its dims and then <paramref name="data"/>.</summary>
    public static byte[] Tensor(string name, long[] dims, params byte[][] data) =>
        TensorOf(1, name, dims, data);

    public static byte[] TensorOf(int dataType, string name, long[] dims, params byte[][] data) =>
        Message(5, [StringField(8, name), VarintField(2, dataType), .. dims.Select(dim => VarintField(1, dim)), .. data]);

    /// <summary>Packed float_data (TensorProto field 4).</summary>
    public static byte[] FloatData(params float[] values) => Message(4, values.Select(BitConverter.GetBytes).ToArray());

    public static byte[] RawData(int byteCount) => Message(9, new byte[byteCount]);

    public static byte[] TensorType(int elementType, params byte[][] dims) =>
        Message(2, Message(1, VarintField(1, elementType), Message(2, dims)));

    public static byte[] DimValue(long value) => Message(1, VarintField(1, value));

    public static byte[] DimParam(string name) => Message(1, StringField(2, name));

    /// <summary>A node whose attribute "body" is a graph holding such a node, <paramref name="depth"/> times: three messages a level.</summary>
    public static byte[] NestedGraphs(int depth)
    {
        byte[] node = Message(1, StringField(4, "Identity"));
        for (int level = 0; level < depth; level++)
            node = Message(1, StringField(4, "If"), Message(5, StringField(1, "body"), VarintField(20, 5), Message(6, node)));
        return node;
    }
}
