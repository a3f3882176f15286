using System;
using NetGen.Generator.Onnx;
using Xunit;
using static NetGen.Generator.Tests.Onnx.OnnxModelBytes;
using static NetGen.Generator.Tests.Onnx.ProtobufBytes;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// Models broken in one way each give an error that names the fault and where it is, never an exception and
/// never a model; so does every truncation of every exported model.
/// </summary>
public sealed class MalformedOnnxModelTests
{
    public static TheoryData<string, string> Corpus() => new()
    {
        { "empty", "the model has no graph (ModelProto field 7) in its 0 bytes" },
        { "no opset", "imports no operator set" },
        { "varint of 11 bytes", "a varint longer than 10 bytes at byte 1" },
        { "varint beyond 64 bits", "a varint beyond 64 bits at byte 1" },
        { "varint cut off", "a varint cut off by the end of its message at byte 1" },
        { "tag cut off", "a varint cut off by the end of its message at byte 0" },
        { "length past the end", "a length of 100 bytes where 3 are left in its message at byte 1" },
        { "length of 2^62", "a length of 4611686018427387904 bytes where 0 are left in its message at byte 1" },
        { "length past its parent message", "a length of 20 bytes where 2 are left in its message at byte 3, in a GraphProto" },
        { "fixed64 cut off", "a 8-byte value cut off by the end of its message at byte 1" },
        { "fixed32 cut off", "a 4-byte value cut off by the end of its message at byte 1" },
        { "wire type 3", "field 9 with wire type 3, which is not 0, 1, 2 or 5 (groups are not read) at byte 0" },
        { "wire type 4", "field 9 with wire type 4, which is not 0, 1, 2 or 5 (groups are not read) at byte 0" },
        { "wire type 7", "field 9 with wire type 7, which is not 0, 1, 2 or 5 (groups are not read) at byte 0" },
        { "field number 0", "the field number 0, outside protobuf's 1 to 536870911 at byte 0" },
        { "known field of the wrong wire type", "field 1 with wire type 2 where its type needs 0 at byte 0" },
        { "graph of the wrong wire type", "field 7 with wire type 0 where its type needs 2 at byte 0" },
        { "graphs nested 33 deep", "a NodeProto nested deeper than 100 messages at byte 712, in a GraphProto in an AttributeProto in a NodeProto in a GraphProto in 96 more messages" },
        { "string not UTF-8", "a string that is not valid UTF-8 at byte 4, in a GraphProto" },
        { "packed floats of 5 bytes", "a packed field of 5 bytes, not a whole number of 4-byte values at byte 16, in a TensorProto in a GraphProto" },
        { "data_location EXTERNAL", "tensor 'w' keeps its data in an external file (data_location = EXTERNAL; onnx.save_model(model, path, save_as_external_data=False) keeps it inside)" },
        { "external_data entries", "tensor 'w' keeps its data in an external file" },
        { "raw_data one byte short", "tensor 'w' of data type Float and dims [2, 3] needs 24 bytes of raw_data, but has 23" },
        { "float_data one value short", "tensor 'w' of data type Float and dims [2, 3] needs 6 values, but has 5" },
        { "double raw_data for six floats", "needs 48 bytes of raw_data, but has 24" },
        { "negative dim", "tensor 'w' has the negative dim -2" },
        { "dims past the file's size", "tensor 'w' has dims [4294967296, 4294967296], more values than its file has bytes" },
        { "dims whose product overflows 64 bits", "tensor 'w' has dims [2, 4611686018427387904, 2], more values than its file has bytes" },
        { "raw_data and float_data", "tensor 'w' holds values both in raw_data and in a typed field" },
        { "float_data in a double tensor", "tensor 'w' of data type Double holds values in a typed field of another data type" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_malformed_model_gives_an_error_naming_its_fault_and_no_exception(string fault, string message)
    {
        byte[] bytes = Broken(fault);

        OnnxReadResult? result = null;
        Exception? thrown = Record.Exception(() => result = OnnxModelReader.Read(bytes));

        Assert.Null(thrown);
        Assert.Null(result!.Model);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void The_valid_model_the_corpus_breaks_is_read()
    {
        OnnxReadResult result = OnnxModelReader.Read(ModelWithGraph(ReluGraph()));

        Assert.Null(result.Error);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], Assert.Single(result.Model!.Graph.Initializers).Values);
    }

    [Fact]
    public void Graphs_nested_as_deep_as_the_limit_allows_are_read()
    {
        // The model's graph, then a node, an attribute and a graph 32 times, then the innermost node: 1 + 3 x 32 + 1 = 98
        // embedded messages, under the limit of 100 that 33 levels (101) pass.
        OnnxReadResult result = OnnxModelReader.Read(ModelWithGraph(NestedGraphs(32)));

        Assert.Null(result.Error);
        Assert.Equal("If", Assert.Single(result.Model!.Graph.Nodes).OpType);
    }

    [Theory]
    [MemberData(nameof(ExportedModels))]
    public void Every_truncation_of_an_exported_model_is_an_error_and_never_an_exception(string name)
    {
        byte[] file = ExportedOnnxModels.Bytes(name);
        for (int length = 0; length < file.Length; length++)
        {
            OnnxReadResult result = OnnxModelReader.Read(file[..length]);

            Assert.True(result.Model is null && result.Error is not null, $"{name} cut to {length} of {file.Length} bytes was read as a model");
        }
        Assert.NotNull(OnnxModelReader.Read(file).Model);
    }

    public static TheoryData<string> ExportedModels() => ExportedOnnxModels.All();

    private static byte[] Broken(string fault)
    {
        byte[] opset = Message(8, VarintField(2, 13));
        byte[] graph = Message(7, ReluGraph());
        byte[] Valid(params byte[][] first) => Concat([.. first, graph, opset]);
        return fault switch
        {
            "empty" => [],
            "no opset" => Concat(VarintField(1, 8), graph),
            "varint of 11 bytes" => Valid([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            "varint beyond 64 bits" => Valid([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]),
            "varint cut off" => [0x08, 0x80],
            "tag cut off" => [0x80],
            "length past the end" => [0x3A, 100, 0, 0, 0],
            "length of 2^62" => [0x3A, .. Varint(1UL << 62)],
            "length past its parent message" => Concat(Message(7, [0x0A, 20, 0, 0]), new byte[20], opset),
            "fixed64 cut off" => [(9 << 3) | 1, 0, 0, 0],
            "fixed32 cut off" => [(9 << 3) | 5, 0, 0, 0],
            "wire type 3" => Valid([(9 << 3) | 3]),
            "wire type 4" => Valid([(9 << 3) | 4]),
            "wire type 7" => Valid([(9 << 3) | 7]),
            "field number 0" => Valid([0x00, 0x00]),
            "known field of the wrong wire type" => Valid(Message(1, [8])),
            "graph of the wrong wire type" => Concat(VarintField(7, 1), opset),
            "graphs nested 33 deep" => ModelWithGraph(NestedGraphs(33)),
            "string not UTF-8" => Concat(Message(7, Message(2, [0xC3, 0x28])), opset),
            "packed floats of 5 bytes" => ModelWithGraph(Tensor("w", [2, 3], Message(4, new byte[5]))),
            "data_location EXTERNAL" => ModelWithGraph(Tensor("w", [2, 3], VarintField(14, 1))),
            "external_data entries" => ModelWithGraph(Tensor("w", [2, 3], Message(13, StringField(1, "location"), StringField(2, "w.bin")))),
            "raw_data one byte short" => ModelWithGraph(Tensor("w", [2, 3], RawData(23))),
            "float_data one value short" => ModelWithGraph(Tensor("w", [2, 3], FloatData(1, 2, 3, 4, 5))),
            "double raw_data for six floats" => ModelWithGraph(TensorOf(11, "w", [2, 3], RawData(24))),
            "negative dim" => ModelWithGraph(Tensor("w", [-2, 3], FloatData(1, 2, 3, 4, 5, 6))),
            "dims past the file's size" => ModelWithGraph(Tensor("w", [1L << 32, 1L << 32], RawData(24))),
            "dims whose product overflows 64 bits" => ModelWithGraph(Tensor("w", [2, 1L << 62, 2], RawData(0))),
            "raw_data and float_data" => ModelWithGraph(Tensor("w", [2, 3], RawData(24), FloatData(1, 2, 3, 4, 5, 6))),
            "float_data in a double tensor" => ModelWithGraph(TensorOf(11, "w", [2, 3], FloatData(1, 2, 3, 4, 5, 6))),
            _ => throw new ArgumentException(fault),
        };
    }
}
