using System;
using System.Numerics;
using System.Reflection;
using Onnx;

namespace NetGen.Onnx.Graph;

/// <summary>
/// Builds the ONNX model of a network's inference: per layer the nodes of its <c>x·Wᵀ + b</c>, as the given
/// <see cref="LinearNodes"/> write them (<see cref="GemmNodes"/> for the float export,
/// <see cref="DynamicQuantizedLinearNodes"/> for the quantized one), then its activation's nodes.
/// Dropout is the identity at inference and has no node.
/// </summary>
internal static class OnnxModelBuilder
{
    /// <summary>IR version 7 is the one opset 13 came with (ONNX 1.8); runtimes from then on read it.</summary>
    public const long IrVersion = 7;

    /// <summary>The default domain's operator set that every node is taken from.</summary>
    public const long OpsetVersion = 13;

    /// <summary>The graph's input and output, and the symbolic name of their first dimension.</summary>
    public const string InputName = "input", OutputName = "output", BatchDimension = "batch";

    public static ModelProto Build<T>(INetwork<T> network, LinearNodes linear) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkDescription description = network.Description;
        var parameters = new T[description.ParameterCount];
        network.ExportParameters(parameters);
        var values = new double[parameters.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = double.CreateTruncating(parameters[i]);

        var elementType = description.Precision == Precision.Double ? TensorProto.Types.DataType.Double : TensorProto.Types.DataType.Float;
        var graph = new GraphProto { Name = network.GetType().Name };
        var writer = new OnnxGraphWriter(graph, elementType);
        string current = InputName;
        for (int l = 0; l < description.Layers.Count; l++)
        {
            LayerDescription layer = description.Layers[l];
            string scope = layer.WeightName[..layer.WeightName.LastIndexOf('.')];   // the module: "0", "lin_1"
            bool last = l == description.Layers.Count - 1;
            string activated = last ? OutputName : $"{scope}.output";
            bool identity = layer.Activation == Activation.Identity;
            string linearOutput = identity ? activated : $"{scope}.linear";
            linear(writer, layer, scope, current,
                values.AsSpan(layer.ParameterOffset, layer.WeightCount), values.AsSpan(layer.ParameterOffset + layer.WeightCount, layer.OutputSize), linearOutput);
            if (!identity)
                ActivationNodes.Write(writer, layer, scope, linearOutput, activated);
            current = activated;
        }
        graph.Input.Add(Batch(InputName, elementType, description.InputSize));
        graph.Output.Add(Batch(OutputName, elementType, description.OutputSize));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "NetGen",
            ProducerVersion = NetGenVersion,
            DocString = description.ToString(),
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model;
    }

    /// <summary>A [batch, <paramref name="size"/>] tensor of the graph's element type, the batch dimension symbolic.</summary>
    private static ValueInfoProto Batch(string name, TensorProto.Types.DataType elementType, int size)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }

    /// <summary>NetGen's version as its package states it, such as <c>0.1.0</c>, without the commit that may follow a '+'.</summary>
    private static string NetGenVersion { get; } =
        typeof(INetwork<>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";
}
