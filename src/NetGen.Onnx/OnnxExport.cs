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
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        network.ExportOnnx(file);
    }

    /// <summary>Writes <paramref name="network"/>'s inference graph, as an ONNX model, to <paramref name="destination"/>, which stays open.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    public static void ExportOnnx<T>(this INetwork<T> network, Stream destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
            throw new ArgumentException("The stream cannot be written.", nameof(destination));
        OnnxModelBuilder.Build(network).WriteTo(destination);
    }
}
