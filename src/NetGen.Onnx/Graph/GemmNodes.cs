using System;

namespace NetGen.Onnx.Graph;

/// <summary>The float export's <see cref="LinearNodes"/>: one <c>Gemm(x, W, b, transB = 1)</c>, W an initializer [out, in] as PyTorch's <c>Linear</c> holds it.</summary>
internal static class GemmNodes
{
    public static void Write(
        OnnxGraphWriter graph, LayerDescription layer, string scope, string input, ReadOnlySpan<double> weight, ReadOnlySpan<double> bias, string output)
    {
        graph.Initializer(layer.WeightName, [layer.OutputSize, layer.InputSize], weight);
        graph.Initializer(layer.BiasName, [layer.OutputSize], bias);
        graph.Node("Gemm", $"{scope}.Gemm", [input, layer.WeightName, layer.BiasName], output, OnnxGraphWriter.Attribute("transB", 1L));
    }
}
