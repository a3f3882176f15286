using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace NetGen.Benchmarks.Baselines.Onnx;

/// <summary>
/// Writes an MLP as an ONNX model (IR 8, opset 13): per layer a <c>Gemm(x, W, b, transB = 1)</c>
/// followed by its activation node, from parameters in PyTorch's order (weight [out, in] row-major,
/// then bias), which is what <c>ExportParameters</c> gives. The same graph <c>torch.onnx.export</c>
/// writes for an <c>nn.Sequential</c> of <c>Linear</c> and activation modules, so ONNX Runtime and
/// NetGen compute the same function from the same numbers.
/// </summary>
/// <remarks>Field numbers are those of onnx/onnx.proto.</remarks>
public static class OnnxModelWriter
{
    public const string InputName = "input", OutputName = "output";

    // TensorProto.DataType.FLOAT, AttributeProto.AttributeType.INT.
    private const int FloatType = 1, IntAttribute = 2;

    public static byte[] Write(int inputSize, IReadOnlyList<(int Size, Activation Activation)> layers, ReadOnlySpan<float> parameters, int batch)
    {
        var graph = new ProtobufWriter();
        graph.String(2, "mlp");
        string current = InputName;
        int previous = inputSize, offset = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            (int size, Activation activation) = layers[l];
            bool last = l == layers.Count - 1;
            string weight = $"layer{l}.weight", bias = $"layer{l}.bias";
            Initializer(graph, weight, [size, previous], parameters.Slice(offset, size * previous));
            offset += size * previous;
            Initializer(graph, bias, [size], parameters.Slice(offset, size));
            offset += size;

            string linear = last && activation == Activation.Identity ? OutputName : $"linear{l}";
            Node(graph, "Gemm", [current, weight, bias], linear, ("transB", 1));
            current = linear;
            previous = size;
            if (activation == Activation.Identity)
                continue;
            string activated = last ? OutputName : $"activation{l}";
            string op = activation switch
            {
                Activation.Sigmoid => "Sigmoid",
                Activation.Tanh => "Tanh",
                Activation.ReLU => "Relu",
                Activation.Softmax => "Softmax",
                _ => throw new NotSupportedException($"No ONNX node is written for {activation}."),
            };
            Node(graph, op, [current], activated);
            current = activated;
        }
        if (offset != parameters.Length)
            throw new ArgumentException($"Expected {offset} parameters for this shape, got {parameters.Length}.", nameof(parameters));
        ValueInfo(graph, 11, InputName, batch, inputSize);
        ValueInfo(graph, 12, OutputName, batch, layers[^1].Size);

        return Model(graph.ToArray());
    }

    private static byte[] Model(byte[] graph) =>
        new ProtobufWriter()
            .Int64(1, 8)                                    // ir_version
            .String(2, "NetGen.Benchmarks")                 // producer_name
            .Bytes(7, graph)                                // graph
            .Message(8, o => o.String(1, "").Int64(2, 13))  // opset_import: default domain, opset 13
            .ToArray();

    private static void Initializer(ProtobufWriter graph, string name, long[] dims, ReadOnlySpan<float> values)
    {
        byte[] raw = MemoryMarshal.AsBytes(values).ToArray();
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian.");
        graph.Message(5, t =>
        {
            foreach (long d in dims)
                t.Int64(1, d);          // dims
            t.Int64(2, FloatType);      // data_type
            t.String(8, name);          // name
            t.Bytes(9, raw);            // raw_data
        });
    }

    private static void Node(ProtobufWriter graph, string op, string[] inputs, string output, (string Name, long Value)? attribute = null) =>
        graph.Message(1, n =>
        {
            foreach (string input in inputs)
                n.String(1, input);
            n.String(2, output);
            n.String(3, $"{op}_{output}");
            n.String(4, op);
            if (attribute is { } a)
                n.Message(5, at => at.String(1, a.Name).Int64(3, a.Value).Int64(20, IntAttribute));
        });

    private static void ValueInfo(ProtobufWriter graph, int field, string name, int batch, int size) =>
        graph.Message(field, v => v
            .String(1, name)
            .Message(2, type => type
                .Message(1, tensor => tensor
                    .Int64(1, FloatType)
                    .Message(2, shape => shape
                        .Message(1, d => d.Int64(1, batch))
                        .Message(1, d => d.Int64(1, size))))));
}
