using System;
using System.IO;
using System.Numerics;
using Google.Protobuf;
using NetGen.Onnx.Graph;

namespace NetGen;

/// <summary>
/// Writes a network as an ONNX model of its inference, for ONNX Runtime or any other ONNX runtime: IR version 7,
/// opset 13, per layer <c>y = activation(x·Wᵀ + b)</c> as a <c>Gemm</c> (<c>transB = 1</c>, the weight an
/// initializer [out, in] and the bias [out], named as in PyTorch's <c>state_dict</c>) followed by the nodes of its
/// activation; input <c>input</c> [batch, InputSize] and output <c>output</c> [batch, OutputSize], the batch
/// dimension symbolic; float or double tensors as the network's precision. The output is <c>Forward</c>'s, the
/// final activation applied (Softmax gives probabilities). docs/onnx.md lists each activation's nodes.
/// A float network can also be written dynamically quantized (<see cref="ExportQuantizedOnnx(INetwork{float}, Stream)"/>).
/// </summary>
public static class OnnxExport
{
    /// <summary>The graph's input, [batch, InputSize]: one sample a row.</summary>
    public const string InputName = OnnxModelBuilder.InputName;

    /// <summary>The graph's output, [batch, OutputSize]: what <c>Forward</c> writes for the rows of <see cref="InputName"/>.</summary>
    public const string OutputName = OnnxModelBuilder.OutputName;

    /// <summary>Writes <paramref name="network"/>'s inference graph to the ONNX file <paramref name="path"/>, replacing it if it exists.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void ExportOnnx<T>(this INetwork<T> network, string path) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        using FileStream file = Create(path);
        network.ExportOnnx(file);
    }

    /// <summary>Writes <paramref name="network"/>'s inference graph, as an ONNX model, to <paramref name="destination"/>, which stays open.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    public static void ExportOnnx<T>(this INetwork<T> network, Stream destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        RequireWritable(destination);
        OnnxModelBuilder.Build(network, GemmNodes.Write).WriteTo(destination);
    }

    /// <summary>
    /// Writes <paramref name="network"/>'s inference graph, dynamically quantized, to the ONNX file <paramref name="path"/>,
    /// replacing it if it exists; the model is <see cref="ExportQuantizedOnnx(INetwork{float}, Stream)"/>'s.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static void ExportQuantizedOnnx(this INetwork<float> network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        using FileStream file = Create(path);
        network.ExportQuantizedOnnx(file);
    }

    /// <summary>
    /// Writes <paramref name="network"/>'s inference graph, dynamically quantized as ONNX Runtime's
    /// <c>quantize_dynamic(weight_type=QInt8, per_channel=True)</c> quantizes it, to <paramref name="destination"/>,
    /// which stays open. Per layer, with W [out, in] and b [out]:
    /// <c>s_o = max_i |W[o,i]| / 127</c> (1 for a row of zeros), <c>q[i,o] = clamp(round(W[o,i] / s_o), −127, 127)</c>
    /// (half to even), int8 initializers stored [in, out]; at run time
    /// <c>x_q, x_scale, x_zp = DynamicQuantizeLinear(x)</c> over the whole batch tensor, then
    /// <c>y = activation(float(MatMulInteger(x_q, q, x_zp, 0)) · (x_scale · s) + b)</c>, the activation's nodes as
    /// <see cref="ExportOnnx{T}(INetwork{T}, Stream)"/> writes them. Same versions, input and output as the float model.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    public static void ExportQuantizedOnnx(this INetwork<float> network, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(network);
        RequireWritable(destination);
        OnnxModelBuilder.Build(network, DynamicQuantizedLinearNodes.Write).WriteTo(destination);
    }

    private static FileStream Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
    }

    private static void RequireWritable(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
            throw new ArgumentException("The stream cannot be written.", nameof(destination));
    }
}
