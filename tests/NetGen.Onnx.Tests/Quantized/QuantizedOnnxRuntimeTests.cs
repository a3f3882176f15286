using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Onnx.Tests.Quantized;

/// <summary>
/// The quantized model, run in ONNX Runtime on one thread, computes the dynamically quantized network that
/// <see cref="DynamicQuantizationReference"/> computes from the definitions, within <see cref="Tolerance"/>'s float
/// allowance (the integer product is exact in both; the rest is the same float operations in the same order, but
/// for the activations' own kernels); and it stays close to the float network it was made from.
/// </summary>
/// <remarks>
/// ONNX Runtime multiplies uint8 by int8 exactly on x64 CPUs with VNNI and on ARM; on x64 without VNNI its kernel
/// may saturate pairs of products at 16 bits (ONNX Runtime's documented u8s8 limitation), where these exact
/// comparisons can fail although the model is as written.
/// </remarks>
public sealed class QuantizedOnnxRuntimeTests
{
    [Theory]
    [InlineData(nameof(NamedModulesNet))]          // 784-256-10 ReLU/Softmax
    [InlineData(nameof(FloatCrossEntropyNet))]     // 7-13-33-5 Tanh/ReLU/Softmax
    [InlineData(nameof(FloatBinaryNet))]           // 17-9-1 LeakyReLU/Sigmoid
    [InlineData(nameof(FloatSmallMseNet))]         // 3-4-2 Sigmoid/Identity
    [InlineData(nameof(FloatDeepMseNet))]          // 5-24-16-12-3 ReLU/Tanh/Sigmoid/Tanh
    public void QuantizedModelComputesTheDynamicallyQuantizedNetwork(string name)
    {
        INetwork<float> network = ExportedNetworks.Create<float>(name);
        byte[] model = ExportedModel.QuantizedBytes(network);
        foreach ((int batch, double widest) in new[] { (1, 1.0), (7, 1.0), (7, 9.0) })
        {
            float[] input = ExportedNetworks.Inputs<float>(network.InputSize, batch, widest, seed: batch);
            float[] expected = DynamicQuantizationReference.Forward(network, input, batch);
            foreach (GraphOptimizationLevel optimization in new[] { GraphOptimizationLevel.ORT_DISABLE_ALL, GraphOptimizationLevel.ORT_ENABLE_ALL })
            {
                float[] onnx = OnnxRuntimeRunner.Run(model, input, batch, network.OutputSize, optimization);
                Tolerance.AssertClose(onnx, expected, network.OutputSize, widest,
                    $"{name} quantized (the reference as 'NetGen') at batch {batch}, inputs up to ±{widest}, {optimization}");
            }
        }
    }

    [Fact]
    public void QuantizedModelStaysCloseToTheFloatNetworkButIsNotIt()
    {
        // As initialized, unperturbed: the scale of weights a trained network has.
        var network = new NamedModulesNet(seed: 3);
        const int batch = 7;
        var random = new Random(5);
        float[] input = Enumerable.Range(0, batch * NamedModulesNet.InputSize).Select(_ => random.NextSingle()).ToArray();
        var probabilities = new float[batch * NamedModulesNet.OutputSize];
        network.Forward(input, probabilities);

        float[] quantized = OnnxRuntimeRunner.Run(ExportedModel.QuantizedBytes(network), input, batch, NamedModulesNet.OutputSize,
            GraphOptimizationLevel.ORT_ENABLE_ALL);

        double largest = probabilities.Zip(quantized, (f, q) => Math.Abs(f - q)).Max();
        Assert.InRange(largest, 1e-7, 0.02);
    }
}
