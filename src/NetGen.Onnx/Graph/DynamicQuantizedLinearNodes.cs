using System;
using Onnx;

namespace NetGen.Onnx.Graph;

/// <summary>
/// The quantized export's <see cref="LinearNodes"/>, the graph ONNX Runtime's
/// <c>quantize_dynamic(weight_type=QInt8, per_channel=True)</c> writes for a linear layer:
/// <code>
/// x_q, x_scale, x_zero_point = DynamicQuantizeLinear(x)
/// y = Cast(MatMulInteger(x_q, W_q, x_zero_point, W_zero_point), to = float) · Mul(x_scale, W_scale) + b
/// </code>
/// with W_q the int8 weights [in, out] of <see cref="PerChannelInt8Weights"/>, W_scale their scales [out], W_zero_point
/// zeros [out], and b the float bias. The input is quantized at run time, to uint8 over the whole tensor (every row of
/// the batch at once), and the product is accumulated in int32.
/// </summary>
internal static class DynamicQuantizedLinearNodes
{
    public static void Write(
        OnnxGraphWriter graph, LayerDescription layer, string scope, string input, ReadOnlySpan<double> weight, ReadOnlySpan<double> bias, string output)
    {
        var quantized = PerChannelInt8Weights.Quantize(weight, layer.OutputSize, layer.InputSize);
        // quantize_dynamic's names: the float weight's, with the suffix of what each tensor holds.
        string weightValues = $"{layer.WeightName}_quantized", weightScale = $"{layer.WeightName}_scale", weightZeroPoint = $"{layer.WeightName}_zero_point";
        graph.Initializer(weightValues, [layer.InputSize, layer.OutputSize], quantized.Transposed);
        graph.Initializer(weightScale, [layer.OutputSize], Array.ConvertAll(quantized.Scales, s => (double)s));
        graph.Initializer(weightZeroPoint, [layer.OutputSize], new sbyte[layer.OutputSize]);
        graph.Initializer(layer.BiasName, [layer.OutputSize], bias);

        string inputValues = $"{scope}.input_quantized", inputScale = $"{scope}.input_scale", inputZeroPoint = $"{scope}.input_zero_point";
        graph.Node("DynamicQuantizeLinear", $"{scope}.DynamicQuantizeLinear", [input], [inputValues, inputScale, inputZeroPoint]);
        string accumulator = graph.Node("MatMulInteger", $"{scope}.MatMulInteger", [inputValues, weightValues, inputZeroPoint, weightZeroPoint], $"{scope}.accumulator");
        string accumulated = graph.Node("Cast", $"{scope}.Cast", [accumulator], $"{scope}.accumulator_float",
            OnnxGraphWriter.Attribute("to", (long)TensorProto.Types.DataType.Float));
        // One scale per output channel, x_scale · W_scale[o], then one product per element, as quantize_dynamic orders them.
        string scale = graph.Node("Mul", $"{scope}.scale", [inputScale, weightScale], $"{scope}.output_scale");
        string product = graph.Node("Mul", $"{scope}.Mul", [accumulated, scale], $"{scope}.product");
        graph.Node("Add", $"{scope}.Add", [product, layer.BiasName], output);
    }
}
