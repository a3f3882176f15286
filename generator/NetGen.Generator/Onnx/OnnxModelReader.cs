using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Reads an ONNX model's bytes (a serialized ModelProto, field numbers from onnx.proto) into the subset an MLP
/// exported by torch.onnx.export needs, skipping every other field as protobuf does. It never throws: a fault in
/// the wire format, a tensor whose values do not match its dims, or data kept outside the file gives an
/// <see cref="OnnxReadResult"/> with the fault and its byte offset.
/// </summary>
internal static class OnnxModelReader
{
    private const int TensorDataLocationExternal = 1;

    public static OnnxReadResult Read(byte[] bytes)
    {
        var reader = new ProtobufReader(bytes);
        long irVersion = 0;
        var opsets = new List<OnnxOpsetSpec>();
        OnnxGraphSpec? graph = null;
        // A message given twice is merged by protobuf; exporters never write one twice, so the last one is kept.
        bool read = reader.TryReadFieldsToEnd((field, wireType) => field switch
        {
            1 => reader.TryReadInt64(wireType, out irVersion),
            7 => TryReadGraph(reader, wireType, out graph),
            8 => TryReadOpset(reader, wireType, opsets),
            _ => reader.TrySkip(wireType),
        });
        if (!read)
            return OnnxReadResult.Failed(reader.Error!);
        if (graph is null)
            return OnnxReadResult.Failed($"the model has no graph (ModelProto field 7) in its {bytes.Length} bytes");
        // The ONNX checker requires an opset from IR version 3 on; without one, no operator has a meaning.
        if (opsets.Count == 0)
            return OnnxReadResult.Failed($"the model imports no operator set (ModelProto field 8) in its {bytes.Length} bytes");
        return OnnxReadResult.Read(new OnnxModelSpec(irVersion, opsets.ToEquatableArray(), graph));
    }

    private static bool TryReadOpset(ProtobufReader reader, ProtobufWireType wireType, List<OnnxOpsetSpec> opsets)
    {
        string domain = "";
        long version = 0;
        return reader.TryReadMessage(wireType, "an OperatorSetIdProto", (field, wire) => field switch
        {
            1 => reader.TryReadString(wire, out domain),
            2 => reader.TryReadInt64(wire, out version),
            _ => reader.TrySkip(wire),
        }) && Added(opsets, new OnnxOpsetSpec(domain, version));
    }

    private static bool TryReadGraph(ProtobufReader reader, ProtobufWireType wireType, out OnnxGraphSpec? graph)
    {
        string name = "";
        var nodes = new List<OnnxNodeSpec>();
        var initializers = new List<OnnxTensorSpec>();
        var inputs = new List<OnnxValueInfoSpec>();
        var outputs = new List<OnnxValueInfoSpec>();
        bool read = reader.TryReadMessage(wireType, "a GraphProto", (field, wire) => field switch
        {
            1 => TryReadNode(reader, wire, nodes),
            2 => reader.TryReadString(wire, out name),
            5 => TryReadTensor(reader, wire, out OnnxTensorSpec? tensor) && Added(initializers, tensor!),
            11 => TryReadValueInfo(reader, wire, inputs),
            12 => TryReadValueInfo(reader, wire, outputs),
            _ => reader.TrySkip(wire),
        });
        graph = read
            ? new OnnxGraphSpec(name, nodes.ToEquatableArray(), initializers.ToEquatableArray(), inputs.ToEquatableArray(), outputs.ToEquatableArray())
            : null;
        return read;
    }

    private static bool TryReadNode(ProtobufReader reader, ProtobufWireType wireType, List<OnnxNodeSpec> nodes)
    {
        string name = "", opType = "", domain = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttributeSpec>();
        return reader.TryReadMessage(wireType, "a NodeProto", (field, wire) => field switch
        {
            1 => reader.TryReadString(wire, out string input) && Added(inputs, input),
            2 => reader.TryReadString(wire, out string output) && Added(outputs, output),
            3 => reader.TryReadString(wire, out name),
            4 => reader.TryReadString(wire, out opType),
            5 => TryReadAttribute(reader, wire, attributes),
            7 => reader.TryReadString(wire, out domain),
            _ => reader.TrySkip(wire),
        }) && Added(nodes, new OnnxNodeSpec(name, opType, domain, inputs.ToEquatableArray(), outputs.ToEquatableArray(), attributes.ToEquatableArray()));
    }

    private static bool TryReadAttribute(ProtobufReader reader, ProtobufWireType wireType, List<OnnxAttributeSpec> attributes)
    {
        string name = "", text = "";
        int type = 0;
        float single = 0;
        long integer = 0;
        var floats = new List<float>();
        var ints = new List<long>();
        OnnxTensorSpec? tensor = null;
        OnnxGraphSpec? graph = null;
        return reader.TryReadMessage(wireType, "an AttributeProto", (field, wire) => field switch
        {
            1 => reader.TryReadString(wire, out name),
            2 => reader.TryReadFloat(wire, out single),
            3 => reader.TryReadInt64(wire, out integer),
            4 => reader.TryReadString(wire, out text),
            5 => TryReadTensor(reader, wire, out tensor),
            6 => TryReadGraph(reader, wire, out graph),
            7 => reader.TryReadRepeatedFloat(wire, floats),
            8 => reader.TryReadRepeatedInt64(wire, ints),
            20 => reader.TryReadInt32(wire, out type),
            _ => reader.TrySkip(wire),
        }) && Added(attributes, new OnnxAttributeSpec(
            name, (OnnxAttributeType)type, single, integer, text, floats.ToEquatableArray(), ints.ToEquatableArray(), tensor, graph));
    }

    private static bool TryReadValueInfo(ProtobufReader reader, ProtobufWireType wireType, List<OnnxValueInfoSpec> values)
    {
        string name = "";
        int elementType = 0;
        bool hasShape = false;
        var dimensions = new List<OnnxDimensionSpec>();
        // ValueInfoProto.type is a TypeProto; of its kinds only tensor_type (1) describes an MLP's input or output.
        return reader.TryReadMessage(wireType, "a ValueInfoProto", (field, wire) => field switch
        {
            1 => reader.TryReadString(wire, out name),
            2 => reader.TryReadMessage(wire, "a TypeProto", (typeField, typeWire) => typeField switch
            {
                1 => reader.TryReadMessage(typeWire, "a TypeProto.Tensor", (tensorField, tensorWire) => tensorField switch
                {
                    1 => reader.TryReadInt32(tensorWire, out elementType),
                    2 => Assigned(out hasShape, true) && TryReadShape(reader, tensorWire, dimensions),
                    _ => reader.TrySkip(tensorWire),
                }),
                _ => reader.TrySkip(typeWire),
            }),
            _ => reader.TrySkip(wire),
        }) && Added(values, new OnnxValueInfoSpec(name, (OnnxDataType)elementType, hasShape, dimensions.ToEquatableArray()));
    }

    private static bool TryReadShape(ProtobufReader reader, ProtobufWireType wireType, List<OnnxDimensionSpec> dimensions) =>
        reader.TryReadMessage(wireType, "a TensorShapeProto", (field, wire) => field == 1 ? TryReadDimension(reader, wire, dimensions) : reader.TrySkip(wire));

    private static bool TryReadDimension(ProtobufReader reader, ProtobufWireType wireType, List<OnnxDimensionSpec> dimensions)
    {
        long value = 0;
        string param = "";
        int chosen = 0;
        // dim_value and dim_param are a oneof: the one written last counts.
        return reader.TryReadMessage(wireType, "a TensorShapeProto.Dimension", (field, wire) => field switch
        {
            1 => reader.TryReadInt64(wire, out value) && Assigned(out chosen, field),
            2 => reader.TryReadString(wire, out param) && Assigned(out chosen, field),
            _ => reader.TrySkip(wire),
        }) && Added(dimensions, chosen == 2 ? new OnnxDimensionSpec(0, param) : new OnnxDimensionSpec(chosen == 1 ? value : 0, null));
    }

    private static bool TryReadTensor(ProtobufReader reader, ProtobufWireType wireType, out OnnxTensorSpec? tensor)
    {
        int at = reader.FieldStart;
        var fields = new TensorFields();
        tensor = null;
        bool read = reader.TryReadMessage(wireType, "a TensorProto", (field, wire) => field switch
        {
            1 => reader.TryReadRepeatedInt64(wire, fields.Dims),
            2 => reader.TryReadInt32(wire, out fields.DataType),
            4 => reader.TryReadRepeatedFloat(wire, fields.FloatData),
            5 => reader.TryReadRepeatedInt32(wire, fields.Int32Data),
            7 => reader.TryReadRepeatedInt64(wire, fields.Int64Data),
            8 => reader.TryReadString(wire, out fields.Name),
            9 => reader.TryReadBytes(wire, out fields.RawStart, out fields.RawLength) && Assigned(out fields.HasRawData, true),
            10 => reader.TryReadRepeatedDouble(wire, fields.DoubleData),
            13 => reader.TrySkip(wire) && Assigned(out fields.HasExternalData, true),
            14 => reader.TryReadInt32(wire, out fields.DataLocation),
            _ => reader.TrySkip(wire),
        });
        if (!read)
            return false;
        if (fields.DataLocation == TensorDataLocationExternal || fields.HasExternalData)
            return reader.Fail($"tensor '{fields.Name}' keeps its data in an external file (data_location = EXTERNAL; onnx.save_model(model, path, save_as_external_data=False) keeps it inside), which the generator cannot read", at);
        tensor = OnnxTensorValues.TryDecode(reader, fields, at, reader.Length);
        return tensor is not null;
    }

    /// <summary>Sets <paramref name="variable"/> inside a field's read expression, which must be true to go on.</summary>
    private static bool Assigned<T>(out T variable, T value)
    {
        variable = value;
        return true;
    }

    private static bool Added<T>(List<T> list, T item)
    {
        list.Add(item);
        return true;
    }
}
