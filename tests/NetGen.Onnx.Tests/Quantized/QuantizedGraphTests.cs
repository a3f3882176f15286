using System;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using NetGen.Tests.Networks;
using Onnx;
using Xunit;

namespace NetGen.Onnx.Tests.Quantized;

/// <summary>What the quantized file declares: the float model's versions, input and output, and per layer quantize_dynamic's nodes and int8 tensors.</summary>
public sealed class QuantizedGraphTests
{
    [Fact]
    public void ModelIsIrVersion7OnOpset13WithTheFloatModelsInputAndOutput()
    {
        var network = ExportedNetworks.Create<float>(nameof(FloatCrossEntropyNet));
        ModelProto model = ExportedModel.DecodeQuantized(network);

        Assert.Equal(7, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(("", 13L), (opset.Domain, opset.Version));

        using var session = new InferenceSession(ExportedModel.QuantizedBytes(network));
        NodeMetadata input = Assert.Single(session.InputMetadata, m => m.Key == OnnxExport.InputName).Value;
        NodeMetadata output = Assert.Single(session.OutputMetadata, m => m.Key == OnnxExport.OutputName).Value;
        foreach ((NodeMetadata value, int size) in new[] { (input, network.InputSize), (output, network.OutputSize) })
        {
            Assert.Equal(TensorElementType.Float, value.ElementDataType);
            Assert.Equal([-1, size], value.Dimensions);
            Assert.Equal("batch", value.SymbolicDimensions[0]);
        }
    }

    [Fact]
    public void EachLayerIsQuantizeDynamicsNodesThenItsActivation()
    {
        ModelProto model = ExportedModel.DecodeQuantized(new NamedModulesNet(1));

        string[] linear = ["DynamicQuantizeLinear", "MatMulInteger", "Cast", "Mul", "Mul", "Add"];
        Assert.Equal([.. linear, "Relu", .. linear, "Softmax"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal("input", model.Graph.Node[0].Input.Single());
        Assert.Equal("output", model.Graph.Node.Last().Output.Single());

        NodeProto matMul = model.Graph.Node[1];
        Assert.Equal(["lin_1.weight_quantized", "lin_1.weight_zero_point"], new[] { matMul.Input[1], matMul.Input[3] });
        Assert.Equal(model.Graph.Node[0].Output[0], matMul.Input[0]);
        Assert.Equal(model.Graph.Node[0].Output[2], matMul.Input[2]);
        AttributeProto to = Assert.Single(model.Graph.Node[2].Attribute);
        Assert.Equal(("to", (long)TensorProto.Types.DataType.Float), (to.Name, to.I));
        Assert.Equal([model.Graph.Node[0].Output[1], "lin_1.weight_scale"], model.Graph.Node[3].Input);
        Assert.Equal("lin_1.bias", model.Graph.Node[5].Input[1]);
    }

    [Fact]
    public void WeightsAreInt8PerOutputChannelTransposedAQuarterOfTheFloatBytes()
    {
        var network = ExportedNetworks.Create<float>(nameof(NamedModulesNet));
        ModelProto model = ExportedModel.DecodeQuantized(network);
        var parameters = new float[NamedModulesNet.ParameterCount];
        network.ExportParameters(parameters);

        Assert.Equal(
            ["lin_1.weight_quantized", "lin_1.weight_scale", "lin_1.weight_zero_point", "lin_1.bias",
             "lin_2.weight_quantized", "lin_2.weight_scale", "lin_2.weight_zero_point", "lin_2.bias"],
            model.Graph.Initializer.Select(t => t.Name));
        int offset = 0;
        foreach ((string module, int inputs, int outputs) in new[] { ("lin_1", 784, 256), ("lin_2", 256, 10) })
        {
            TensorProto Tensor(string suffix) => model.Graph.Initializer.Single(t => t.Name == $"{module}.{suffix}");
            (sbyte[] expected, float[] scales) = DynamicQuantizationReference.QuantizeWeight(parameters.AsSpan(offset, outputs * inputs), outputs, inputs);

            TensorProto weight = Tensor("weight_quantized");
            Assert.Equal((int)TensorProto.Types.DataType.Int8, weight.DataType);
            Assert.Equal([inputs, outputs], weight.Dims);
            Assert.Equal(inputs * outputs, weight.RawData.Length);          // one byte a weight, a float's four
            byte[] bytes = weight.RawData.ToByteArray();
            for (int o = 0; o < outputs; o++)
                for (int i = 0; i < inputs; i++)
                    Assert.Equal(expected[o * inputs + i], (sbyte)bytes[i * outputs + o]);

            Assert.Equal(scales, Tensor("weight_scale").FloatData);
            TensorProto zeroPoint = Tensor("weight_zero_point");
            Assert.Equal((int)TensorProto.Types.DataType.Int8, zeroPoint.DataType);
            Assert.Equal([outputs], zeroPoint.Dims);
            Assert.Equal(new byte[outputs], zeroPoint.RawData.ToByteArray());
            Assert.Equal(parameters.AsSpan(offset + outputs * inputs, outputs).ToArray(), Tensor("bias").FloatData);
            offset += outputs * inputs + outputs;
        }
    }

    [Fact]
    public void ARowOfZeroWeightsHasScaleOneAndZeros()
    {
        var network = new FloatSmallMseNet(2);
        var parameters = new float[FloatSmallMseNet.ParameterCount];
        network.ExportParameters(parameters);
        parameters.AsSpan(3, 3).Clear();                  // the second of four rows of the first weight [4, 3]
        network.ImportParameters(parameters);

        TensorProto[] initializers = [.. ExportedModel.DecodeQuantized(network).Graph.Initializer];
        TensorProto scale = initializers.Single(t => t.Name == "0.weight_scale");
        Assert.Equal(1f, scale.FloatData[1]);
        byte[] weight = initializers.Single(t => t.Name == "0.weight_quantized").RawData.ToByteArray();
        Assert.Equal([0, 0, 0], new[] { weight[1], weight[4 + 1], weight[8 + 1] });
        Assert.All(scale.FloatData, s => Assert.True(float.IsFinite(s) && s > 0));
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        INetwork<float> network = new FloatCrossEntropyNet(5);
        INetwork<float> none = null!;

        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => none.ExportQuantizedOnnx(new MemoryStream())).ParamName);
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => none.ExportQuantizedOnnx("model.onnx")).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentNullException>(() => network.ExportQuantizedOnnx((Stream)null!)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => network.ExportQuantizedOnnx(new MemoryStream([], writable: false))).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => network.ExportQuantizedOnnx("")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => network.ExportQuantizedOnnx((string)null!)).ParamName);
    }
}
