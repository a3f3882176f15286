using System;

namespace NetGen.Onnx.Graph;

/// <summary>
/// The nodes that compute one layer's activation, elementwise on its x·Wᵀ + b: the opset-13
/// operator where ONNX has one, else a decomposition into primitive operators that computes PyTorch's
/// definition (<see cref="LayerDescription.ToString"/> names the module).
/// </summary>
internal static partial class ActivationNodes
{
    /// <summary>
    /// Writes the nodes computing <paramref name="layer"/>'s activation of <paramref name="input"/> into
    /// <paramref name="output"/>, naming intermediate values and nodes after <paramref name="scope"/>.
    /// Identity has no node: the caller lets the layer's linear nodes write <paramref name="output"/> themselves.
    /// </summary>
    public static void Write(OnnxGraphWriter graph, LayerDescription layer, string scope, string input, string output)
    {
        var steps = new Steps(graph, $"{scope}.{layer.Activation}");
        switch (layer.Activation)
        {
            case Activation.Sigmoid: steps.Op("Sigmoid", "sigmoid", [input], output); break;
            case Activation.Tanh: steps.Op("Tanh", "tanh", [input], output); break;
            case Activation.ReLU: steps.Op("Relu", "relu", [input], output); break;
            // Each row is one sample: normalize along the features, as nn.Softmax(dim=1).
            case Activation.Softmax: steps.Op("Softmax", "softmax", [input], output, OnnxGraphWriter.Attribute("axis", 1L)); break;
            case Activation.LeakyReLU: LeakyReLU(steps, layer.NegativeSlope, input, output); break;
            case Activation.ELU: ELU(steps, input, output); break;
            case Activation.SiLU: SiLU(steps, input, output); break;
            case Activation.GELU: GELU(steps, input, output); break;
            case Activation.GELUTanh: GELUTanh(steps, input, output); break;
            case Activation.Softplus: Softplus(steps, input, output); break;
            case Activation.Mish: Mish(steps, input, output); break;
            default: throw new NotSupportedException($"No ONNX nodes are written for {layer.Activation}.");
        }
    }

    /// <summary>Names each node of one activation, and the value it writes, <c>scope.step</c>, after the activation's scope.</summary>
    private readonly struct Steps(OnnxGraphWriter graph, string scope)
    {
        /// <summary>
        /// Adds the step computing <paramref name="op"/> of <paramref name="inputs"/>; its value is named after the step
        /// unless it is the activation's <paramref name="output"/>. Returns the value's name.
        /// </summary>
        public string Op(string op, string step, string[] inputs, string? output = null, params global::Onnx.AttributeProto[] attributes) =>
            graph.Node(op, $"{scope}.{step}", inputs, output ?? $"{scope}.{step}", attributes);

        /// <summary>
        /// Whether the graph is in double precision, where ONNX Runtime's CPU provider has no kernel for LeakyRelu,
        /// Elu, Softplus or Erf (it registers them for float only): those are then written as primitive operators.
        /// </summary>
        public bool IsDouble => graph.ElementType == global::Onnx.TensorProto.Types.DataType.Double;

        /// <summary>A scalar of the graph's element type, shared by every layer that needs it.</summary>
        public string Constant(string name, double value) => graph.Constant(name, value);
    }
}
