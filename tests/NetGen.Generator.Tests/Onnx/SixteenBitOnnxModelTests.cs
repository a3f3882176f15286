using System;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static NetGen.Generator.Tests.Onnx.OnnxModelBytes;
using static NetGen.Generator.Tests.Onnx.ProtobufBytes;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// A float16 or bfloat16 model maps to a float network whose parameters are its values widened exactly, whether the
/// file holds them in raw_data or, one a value, in int32_data. The models are one Gemm written field by field; the
/// expected values come from .NET's Half and from bfloat16's definition (a float's upper 16 bits).
/// </summary>
public sealed class SixteenBitOnnxModelTests
{
    private const int Float16 = 10, BFloat16 = 16;

    private static readonly float[] Weights = [0.1f, -1.25f, 3.3f, 0.0078f, -65504f, 1e-5f];

    private static readonly float[] Bias = [-0.3f, 7.77f];

    [Theory]
    [InlineData(Float16, true)]
    [InlineData(Float16, false)]
    [InlineData(BFloat16, true)]
    [InlineData(BFloat16, false)]
    public void Sixteen_bit_weights_compile_in_as_their_float_values(int dataType, bool raw)
    {
        ushort[] weights = [.. Weights.Select(v => Bits(v, dataType))], bias = [.. Bias.Select(v => Bits(v, dataType))];
        byte[] model = ModelWithGraph(
            Message(1, StringField(1, "x"), StringField(1, "w"), StringField(1, "b"), StringField(2, "y"), StringField(3, "layer"), StringField(4, "Gemm"),
                Message(5, StringField(1, "transB"), VarintField(3, 1), VarintField(20, 2))),
            TensorOf(dataType, "w", [2, 3], Data(weights, raw)),
            TensorOf(dataType, "b", [2], Data(bias, !raw)),
            Message(11, StringField(1, "x"), TensorType(dataType, DimParam("batch"), DimValue(3))),
            Message(12, StringField(1, "y"), TensorType(dataType, DimParam("batch"), DimValue(2))));

        GeneratorOutcome outcome = GeneratorHarness.Run([InMemoryAdditionalText.Weights("m.onnx", model)], "using NetGen;\n[OnnxNetwork(\"m.onnx\")]\npublic partial class Net;");

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Contains("ReadOnlySpan<float> CompiledParameters", Data(outcome));
        string expected = string.Join(", ", weights.Concat(bias).Select(bits => Widened(bits, dataType).ToString("R", CultureInfo.InvariantCulture) + "f"));
        Assert.Contains(expected, Data(outcome));
    }

    private static ushort Bits(float value, int dataType) =>
        dataType == Float16 ? BitConverter.HalfToUInt16Bits((Half)value) : (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16);

    private static float Widened(ushort bits, int dataType) =>
        dataType == Float16 ? (float)BitConverter.UInt16BitsToHalf(bits) : BitConverter.UInt32BitsToSingle((uint)bits << 16);

    /// <summary>raw_data (field 9), two little-endian bytes a value, or packed int32_data (field 5), one varint a value.</summary>
    private static byte[] Data(ushort[] values, bool raw) =>
        raw ? Message(9, [.. values.Select(BitConverter.GetBytes)]) : Message(5, [.. values.Select(v => Varint(v))]);

    private static string Data(GeneratorOutcome outcome) =>
        string.Join(" ", outcome.Files.Single(f => f.HintName == "Net.Weights.g.cs").SourceText.ToString().Split('\n').Select(l => l.Trim()));
}
