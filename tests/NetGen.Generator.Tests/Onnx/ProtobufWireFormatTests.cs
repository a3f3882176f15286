using System;
using System.Linq;
using NetGen.Generator.Onnx;
using Xunit;
using static NetGen.Generator.Tests.Onnx.OnnxModelBytes;
using static NetGen.Generator.Tests.Onnx.ProtobufBytes;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// The wire format's freedoms that a writer other than PyTorch's may use give the same model: repeated scalars
/// packed or one field each, unknown fields of every wire type anywhere, values in raw_data or in the typed field,
/// fields in any order, and a oneof written twice.
/// </summary>
public sealed class ProtobufWireFormatTests
{
    [Fact]
    public void Repeated_scalars_read_the_same_packed_or_one_field_each()
    {
        byte[] packedAttribute = Message(5, StringField(1, "perm"), VarintField(20, 7), Message(8, Varint(1), Varint(0), Varint(300)));
        byte[] unpackedAttribute = Message(5, StringField(1, "perm"), VarintField(20, 7), VarintField(8, 1), VarintField(8, 0), VarintField(8, 300));
        byte[] packedFloats = Message(5, StringField(1, "scales"), VarintField(20, 6), Message(7, BitConverter.GetBytes(0.5f), BitConverter.GetBytes(-2f)));
        byte[] unpackedFloats = Message(5, StringField(1, "scales"), VarintField(20, 6), FloatField(7, 0.5f), FloatField(7, -2f));
        byte[] unpackedDims = Message(5, StringField(8, "w"), VarintField(2, 1), VarintField(1, 2), VarintField(1, 3), FloatData(1, 2, 3, 4, 5, 6));
        byte[] packedDims = Message(5, StringField(8, "w"), VarintField(2, 1), Message(1, Varint(2), Varint(3)), FloatData(1, 2, 3, 4, 5, 6));

        OnnxGraphSpec packed = ReadGraph(Message(1, StringField(4, "Transpose"), packedAttribute, packedFloats), packedDims);
        OnnxGraphSpec unpacked = ReadGraph(Message(1, StringField(4, "Transpose"), unpackedAttribute, unpackedFloats), unpackedDims);

        Assert.Equal(packed, unpacked);
        Assert.Equal([1L, 0, 300], packed.Nodes[0].Attributes[0].Ints);
        Assert.Equal([0.5f, -2f], packed.Nodes[0].Attributes[1].Floats);
        Assert.Equal([2L, 3], packed.Initializers[0].Dims);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped_in_every_message()
    {
        byte[] unknown = Concat(VarintField(99, -1), [.. Tag(98, 1), .. new byte[8]], StringField(97, "skipped"), FloatField(96, 1f));
        byte[][] graph = ReluGraph();
        byte[][] graphWithUnknowns =
        [
            unknown,
            Message(1, unknown, StringField(1, "x"), StringField(2, "y"), unknown, StringField(3, "relu"), StringField(4, "Relu")),
            Message(5, StringField(8, "w"), unknown, VarintField(2, 1), VarintField(1, 2), VarintField(1, 3), FloatData(1, 2, 3, 4, 5, 6)),
            Message(11, StringField(1, "x"), unknown, Message(2, unknown, Message(1, VarintField(1, 1), unknown, Message(2, unknown, Message(1, unknown, StringField(2, "batch")), DimValue(3))))),
            graph[3],
            unknown,
        ];

        Assert.Equal(ReadGraph(graph), ReadGraph(graphWithUnknowns));
    }

    [Fact]
    public void Raw_data_and_the_typed_fields_give_the_same_values_for_each_data_type()
    {
        float[] floats = [1.5f, -0.25f, float.MaxValue];
        double[] doubles = [0.1, -1e300, 3];
        long[] longs = [-1, long.MaxValue, 7];

        OnnxGraphSpec raw = ReadGraph(
            TensorOf(1, "f", [3], Message(9, floats.Select(BitConverter.GetBytes).ToArray())),
            TensorOf(11, "d", [3], Message(9, doubles.Select(BitConverter.GetBytes).ToArray())),
            TensorOf(7, "l", [3], Message(9, longs.Select(BitConverter.GetBytes).ToArray())),
            TensorOf(6, "i", [3], Message(9, new[] { -1, int.MaxValue, 7 }.Select(BitConverter.GetBytes).ToArray())));
        OnnxGraphSpec typed = ReadGraph(
            TensorOf(1, "f", [3], FloatData(floats)),
            TensorOf(11, "d", [3], Message(10, doubles.Select(BitConverter.GetBytes).ToArray())),
            TensorOf(7, "l", [3], Message(7, longs.Select(l => Varint(unchecked((ulong)l))).ToArray())),
            TensorOf(6, "i", [3], Message(5, Varint(unchecked((ulong)-1L)), Varint(int.MaxValue), Varint(7))));

        Assert.Equal(raw, typed);
        Assert.Equal(floats.Select(f => (double)f), raw.Initializers[0].Values);
        Assert.Equal(doubles, raw.Initializers[1].Values);
        Assert.Equal(longs, raw.Initializers[2].Integers);
        Assert.Equal([-1L, int.MaxValue, 7], raw.Initializers[3].Integers);
    }

    [Fact]
    public void A_scalar_tensor_has_one_value_and_an_empty_one_none()
    {
        OnnxGraphSpec graph = ReadGraph(TensorOf(1, "scalar", [], FloatData(4)), TensorOf(1, "empty", [0, 1L << 62]));

        Assert.Equal([4.0], graph.Initializers[0].Values);
        Assert.Empty(graph.Initializers[1].Values);
        Assert.Equal([0L, 1L << 62], graph.Initializers[1].Dims);
    }

    [Fact]
    public void The_last_of_a_dimension_s_value_and_param_counts_as_in_a_oneof()
    {
        OnnxGraphSpec graph = ReadGraph(Message(11, StringField(1, "x"), TensorType(1,
            Message(1, VarintField(1, 4), StringField(2, "batch")),
            Message(1, StringField(2, "batch"), VarintField(1, 4)),
            Message(1))));

        Assert.Equal([new OnnxDimensionSpec(0, "batch"), new OnnxDimensionSpec(4, null), new OnnxDimensionSpec(0, null)], graph.Inputs[0].Dimensions);
    }

    [Fact]
    public void An_input_whose_type_is_not_a_tensor_has_no_element_type_and_no_shape()
    {
        // TypeProto field 4 is sequence_type, which an MLP never has.
        OnnxGraphSpec graph = ReadGraph(Message(11, StringField(1, "x"), Message(2, Message(4, Message(1, TensorType(1))))));

        Assert.Equal(new OnnxValueInfoSpec("x", OnnxDataType.Undefined, false, default), graph.Inputs[0]);
    }

    [Fact]
    public void Fields_in_any_order_give_the_same_model()
    {
        byte[] graph = Message(7, ReluGraph());
        byte[] opset = Message(8, VarintField(2, 13), StringField(1, ""));

        OnnxReadResult forward = OnnxModelReader.Read(Concat(VarintField(1, 8), graph, opset));
        OnnxReadResult backward = OnnxModelReader.Read(Concat(opset, graph, VarintField(1, 8)));

        Assert.Null(forward.Error);
        Assert.Equal(forward, backward);
    }

    private static OnnxGraphSpec ReadGraph(params byte[][] graphFields)
    {
        OnnxReadResult result = OnnxModelReader.Read(ModelWithGraph(graphFields));
        Assert.Null(result.Error);
        return result.Model!.Graph;
    }
}
