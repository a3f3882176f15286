using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using NetGen.Tests.Networks;
using Onnx;
using Xunit;

namespace NetGen.Onnx.Tests.Graph;

/// <summary>What the file declares: versions, producer, the graph's input and output, and its layers' nodes and tensors.</summary>
public sealed class ExportedGraphTests
{
    [Fact]
    public void ModelIsIrVersion7OnOpset13ProducedByThisNetGen()
    {
        ModelProto model = ExportedModel.Decode(new FloatCrossEntropyNet(1));

        Assert.Equal(7, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(("", 13L), (opset.Domain, opset.Version));
        string netgenVersion = typeof(INetwork<>).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.Equal(("NetGen", netgenVersion), (model.ProducerName, model.ProducerVersion));
    }

    [Theory]
    [InlineData(nameof(FloatCrossEntropyNet), TensorElementType.Float)]
    [InlineData(nameof(WideDoubleCrossEntropyNet), TensorElementType.Double)]
    public void InputAndOutputAreRowsOfASymbolicBatch(string name, TensorElementType elementType)
    {
        INetwork<float>? single = elementType == TensorElementType.Float ? ExportedNetworks.Create<float>(name) : null;
        INetwork<double>? dual = single is null ? ExportedNetworks.Create<double>(name) : null;
        byte[] bytes = single is not null ? ExportedModel.Bytes(single) : ExportedModel.Bytes(dual!);
        (int inputSize, int outputSize) = single is not null ? (single.InputSize, single.OutputSize) : (dual!.InputSize, dual.OutputSize);

        // ONNX Runtime reads the declarations back: -1 marks a symbolic dimension.
        using var session = new InferenceSession(bytes);
        NodeMetadata input = Assert.Single(session.InputMetadata, m => m.Key == "input").Value;
        NodeMetadata output = Assert.Single(session.OutputMetadata, m => m.Key == "output").Value;
        foreach ((NodeMetadata value, int size) in new[] { (input, inputSize), (output, outputSize) })
        {
            Assert.Equal(elementType, value.ElementDataType);
            Assert.Equal([-1, size], value.Dimensions);
            Assert.Equal("batch", value.SymbolicDimensions[0]);
        }
        Assert.Equal("NetGen", session.ModelMetadata.ProducerName);
    }

    [Fact]
    public void EachLayerIsOneGemmWithTransposedWeightsNamedAsPyTorchNamesThem()
    {
        var network = new SequentialWithDropoutNet(3);
        ModelProto model = ExportedModel.Decode(network);

        // nn.Sequential(Linear, ReLU, Dropout, Linear, LeakyReLU, Linear, Linear, Softmax): modules 0, 3, 5, 6.
        string[] modules = ["0", "3", "5", "6"];
        NodeProto[] gemms = model.Graph.Node.Where(n => n.OpType == "Gemm").ToArray();
        Assert.Equal(modules.Length, gemms.Length);
        for (int l = 0; l < modules.Length; l++)
        {
            Assert.Equal([$"{modules[l]}.weight", $"{modules[l]}.bias"], gemms[l].Input.Skip(1));
            AttributeProto transB = Assert.Single(gemms[l].Attribute);
            Assert.Equal(("transB", 1L), (transB.Name, transB.I));
        }
        Assert.Equal("input", gemms[0].Input[0]);
        Assert.Equal("output", model.Graph.Node.Last().Output.Single());
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Dropout");

        // The initializers hold ExportParameters' values in its order, weights [out, in].
        var expected = new double[SequentialWithDropoutNet.ParameterCount];
        network.ExportParameters(expected);
        TensorProto[] layerTensors = model.Graph.Initializer.Where(t => t.Name.EndsWith(".weight") || t.Name.EndsWith(".bias")).ToArray();
        Assert.Equal(modules.SelectMany(m => new[] { $"{m}.weight", $"{m}.bias" }), layerTensors.Select(t => t.Name));
        Assert.Equal([[8, 4], [8], [6, 8], [6], [5, 6], [5], [3, 5], [3]], layerTensors.Select(t => t.Dims.ToArray()));
        Assert.Equal(expected, layerTensors.SelectMany(t => t.DoubleData));
    }

    [Fact]
    public void NamedModulesNameTheirTensorsAndNodes()
    {
        ModelProto model = ExportedModel.Decode(new NamedModulesNet(1));

        Assert.Equal(["lin_1.weight", "lin_1.bias", "lin_2.weight", "lin_2.bias"], model.Graph.Initializer.Select(t => t.Name));
        Assert.Equal(["lin_1.Gemm", "lin_1.ReLU.relu", "lin_2.Gemm", "lin_2.Softmax.softmax"], model.Graph.Node.Select(n => n.Name));
        Assert.Equal(784 * 256, model.Graph.Initializer[0].FloatData.Count);
    }

    [Fact]
    public void EveryActivationIsExportedInFloatAndInDouble()
    {
        IEnumerable<Activation> In<T>() where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T> =>
            ExportedNetworks.Types<T>().SelectMany(t => ExportedNetworks.Create<T>(t.Name).Description.Layers.Select(l => l.Activation));

        Assert.Equal(Enum.GetValues<Activation>(), In<float>().Distinct().Order());
        Assert.Equal(Enum.GetValues<Activation>(), In<double>().Distinct().Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FileAndStreamHoldTheSameModelAndTheStreamStaysOpen(bool quantized)
    {
        INetwork<float> network = new FloatGELUMishNet(5);
        string path = Path.Combine(Path.GetTempPath(), $"netgen-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            // Longer than either model, so that a file the export did not truncate would show.
            File.WriteAllText(path, "an older, longer file that the export replaces entirely" + new string('.', 100_000));
            var stream = new MemoryStream();
            if (quantized)
            {
                network.ExportQuantizedOnnx(path);
                network.ExportQuantizedOnnx(stream);
            }
            else
            {
                network.ExportOnnx(path);
                network.ExportOnnx(stream);
            }

            Assert.Equal(stream.ToArray(), File.ReadAllBytes(path));
            Assert.True(stream.CanWrite);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnwritableStreamIsRefused()
    {
        var readOnly = new MemoryStream([], writable: false);
        var error = Assert.Throws<ArgumentException>(() => new FloatGELUMishNet(5).ExportOnnx(readOnly));
        Assert.Equal("destination", error.ParamName);
    }
}
