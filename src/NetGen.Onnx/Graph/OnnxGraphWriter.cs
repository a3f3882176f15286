using System;
using System.Collections.Generic;
using Onnx;

namespace NetGen.Onnx.Graph;

/// <summary>
/// Appends nodes and initializers to one ONNX graph of a single element type (float or double; a quantized graph
/// holds INT8 weights besides), and writes each scalar constant the decompositions share once, under a name that
/// says what it is.
/// </summary>
internal sealed class OnnxGraphWriter(GraphProto graph, TensorProto.Types.DataType elementType)
{
    private readonly HashSet<string> _constants = new(StringComparer.Ordinal);

    /// <summary>The element type of the graph's values and real-valued tensors: FLOAT or DOUBLE, from the network's precision.</summary>
    public TensorProto.Types.DataType ElementType => elementType;

    /// <summary>Adds the node <paramref name="name"/> computing <paramref name="op"/> of <paramref name="inputs"/> into <paramref name="output"/>; returns <paramref name="output"/>.</summary>
    public string Node(string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        Node(op, name, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds the node <paramref name="name"/> computing <paramref name="op"/> of <paramref name="inputs"/> into several <paramref name="outputs"/>, such as DynamicQuantizeLinear's values, scale and zero point.</summary>
    public void Node(string op, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
    }

    /// <summary>Adds the tensor <paramref name="name"/> of shape <paramref name="dims"/> holding <paramref name="values"/>, row-major.</summary>
    public void Initializer(string name, long[] dims, ReadOnlySpan<double> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)elementType };
        tensor.Dims.AddRange(dims);
        // float_data and double_data are written little-endian by the encoder on any machine, unlike raw_data
        // copied from memory; a float survives the round trip through double exactly.
        if (elementType == TensorProto.Types.DataType.Double)
            foreach (double value in values)
                tensor.DoubleData.Add(value);
        else
            foreach (double value in values)
                tensor.FloatData.Add((float)value);
        graph.Initializer.Add(tensor);
    }

    /// <summary>Adds the INT8 tensor <paramref name="name"/> of shape <paramref name="dims"/> holding <paramref name="values"/>, row-major.</summary>
    public void Initializer(string name, long[] dims, ReadOnlySpan<sbyte> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int8 };
        tensor.Dims.AddRange(dims);
        // raw_data, one byte a value: int32_data would spend a varint on each, ten bytes for a negative one, and
        // single bytes have no byte order to get wrong.
        tensor.RawData = Google.Protobuf.ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        graph.Initializer.Add(tensor);
    }

    /// <summary>The scalar initializer <paramref name="name"/> holding <paramref name="value"/>, added the first time it is asked for.</summary>
    public string Constant(string name, double value)
    {
        if (_constants.Add(name))
            Initializer(name, [], [value]);
        return name;
    }

    /// <summary>An integer attribute, such as Gemm's <c>transB</c> or Softmax's <c>axis</c>.</summary>
    public static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute, such as LeakyRelu's <c>alpha</c> (ONNX attributes are single precision whatever the tensors are).</summary>
    public static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
