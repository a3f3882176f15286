using System.IO;
using System.Numerics;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;

namespace NetGen.Onnx.Tests.Runtime;

/// <summary>
/// Every network, exported and run in ONNX Runtime, gives NetGen's Forward outputs (final activation
/// applied) on one sample and on a batch of 17, within <see cref="Tolerance"/>.
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
        var file = new MemoryStream();
        network.ExportOnnx(file);
        byte[] model = file.ToArray();
        foreach (int batch in new[] { 1, 17 })
        {
            T[] input = ExportedNetworks.Inputs<T>(network.InputSize, batch, seed: batch);
            var netgen = new T[batch * network.OutputSize];
            network.Forward(input, netgen);
            T[] onnx = OnnxRuntimeRunner.Run(model, input, batch, network.OutputSize);
            Tolerance.AssertClose(onnx, netgen, network.OutputSize, $"{name} at batch {batch}");
        }
    }
}
