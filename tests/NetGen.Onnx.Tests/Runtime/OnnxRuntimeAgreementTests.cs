using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;

namespace NetGen.Onnx.Tests.Runtime;

/// <summary>
/// Every network, exported and run in ONNX Runtime, gives NetGen's Forward outputs (final activation
/// applied) on one sample and on batches of 17, within <see cref="Tolerance"/>: inputs up to ±9, and up to ±40
/// where pre-activations pass Softplus's threshold and every activation is in its tails; with ONNX Runtime's graph
/// optimizations off (the nodes as written) and on (as a user's session runs them).
/// </summary>
public sealed class OnnxRuntimeAgreementTests
{
    [Theory]
    [MemberData(nameof(ExportedNetworks.Float), MemberType = typeof(ExportedNetworks))]
    public void FloatNetworkRunsInOnnxRuntimeAsInNetGen(string network) => Agrees<float>(network);

    [Theory]
    [MemberData(nameof(ExportedNetworks.Double), MemberType = typeof(ExportedNetworks))]
    public void DoubleNetworkRunsInOnnxRuntimeAsInNetGen(string network) => Agrees<double>(network);

    private static void Agrees<T>(string name) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> network = ExportedNetworks.Create<T>(name);
        byte[] model = ExportedModel.Bytes(network);
        foreach ((int batch, double widest) in new[] { (1, 1.0), (17, 9.0), (17, 40.0) })
        {
            T[] input = ExportedNetworks.Inputs<T>(network.InputSize, batch, widest, seed: batch);
            var netgen = new T[batch * network.OutputSize];
            network.Forward(input, netgen);
            foreach (GraphOptimizationLevel optimization in new[] { GraphOptimizationLevel.ORT_DISABLE_ALL, GraphOptimizationLevel.ORT_ENABLE_ALL })
            {
                T[] onnx = OnnxRuntimeRunner.Run(model, input, batch, network.OutputSize, optimization);
                Tolerance.AssertClose(onnx, netgen, network.OutputSize, widest, $"{name} at batch {batch}, inputs up to ±{widest}, {optimization}");
            }
        }
    }
}
