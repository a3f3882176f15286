using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// The tensor-level container: what the writer puts in the bytes (checked by taking them apart by hand) and what the
/// reader takes out of bytes put together by hand, including the dtypes NetGen never writes.
/// </summary>
public sealed class SafetensorsContainerTests
{
    [Fact]
    public void The_writer_lays_out_length_padded_header_and_data_in_the_order_given()
    {
        var writer = new SafetensorsWriter();
        writer.Metadata["format"] = "pt";
        writer.Metadata["a \"quoted\" key"] = "é";
        writer.Add<float>("b.weight", [1f, -2f, 3.5f, 0f, 1e-30f, 7f], 2, 3);
        writer.Add<double>("a.bias", [0.1, -0.2], 2);
        byte[] file = Write(writer);

        ulong length = BitConverter.ToUInt64(file, 0);
        Assert.Equal(0UL, length % 8);
        string header = RawSafetensors.Header(file);
        Assert.EndsWith("}", header.TrimEnd(' '));
        Assert.InRange(header.Length - header.TrimEnd(' ').Length, 0, 7);

        using JsonDocument json = RawSafetensors.Parse(file);
        JsonElement root = json.RootElement;
        Assert.Equal(["__metadata__", "b.weight", "a.bias"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pt", root.GetProperty("__metadata__").GetProperty("format").GetString());
        Assert.Equal("é", root.GetProperty("__metadata__").GetProperty("a \"quoted\" key").GetString());
        Assert.Equal("F32", root.GetProperty("b.weight").GetProperty("dtype").GetString());
        Assert.Equal([2L, 3L], root.GetProperty("b.weight").GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([0L, 24L], root.GetProperty("b.weight").GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("F64", root.GetProperty("a.bias").GetProperty("dtype").GetString());
        Assert.Equal([24L, 40L], root.GetProperty("a.bias").GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([.. RawSafetensors.Floats(1f, -2f, 3.5f, 0f, 1e-30f, 7f), .. RawSafetensors.Doubles(0.1, -0.2)], RawSafetensors.Data(file));
    }

    [Fact]
    public void The_reader_gives_back_what_the_writer_wrote()
    {
        var writer = new SafetensorsWriter();
        writer.Metadata["k"] = "v";
        writer.Add<float>("w", [1.5f, -2.25f, 3f, 4f], 2, 2);
        writer.Add<double>("s", [Math.PI], []);
        writer.Add<float>("empty", [], 0, 3);
        SafetensorsReader reader = SafetensorsReader.Read(new MemoryStream(Write(writer)));

        Assert.Equal("v", reader.Metadata["k"]);
        Assert.True(reader.TryGetTensor("w", out SafetensorsTensor w));
        Assert.Equal((SafetensorsDType.F32, "[2, 2]", 0L, 16L), (w.DType, w.ShapeText, w.Begin, w.End));
        double[] values = new double[4];
        reader.ReadValues<double>(w, values);
        Assert.Equal([1.5, -2.25, 3, 4], values);
        Assert.True(reader.TryGetTensor("s", out SafetensorsTensor s));
        Assert.Equal(1, s.ElementCount);
        float[] pi = new float[1];
        reader.ReadValues<float>(s, pi);
        Assert.Equal((float)Math.PI, pi[0]);
        Assert.True(reader.TryGetTensor("empty", out SafetensorsTensor empty));
        Assert.Equal(0, empty.ElementCount);
        Assert.False(reader.TryGetTensor("missing", out _));
    }

    [Fact]
    public void Half_precision_tensors_convert_exactly()
    {
        // IEEE binary16: 1, -2, the nearest to 1/3 (0x3555 = 1365/4096), the largest (65504), the smallest subnormal (2^-24).
        // bfloat16: 1, -3, the nearest to 1/3 below (0x3EAA = 0.33203125), and 2^100.
        byte[] data = [.. RawSafetensors.Words(0x3C00, 0xC000, 0x3555, 0x7BFF, 0x0001), .. RawSafetensors.Words(0x3F80, 0xC040, 0x3EAA, 0x7180)];
        byte[] file = RawSafetensors.Build(
            """{"h":{"dtype":"F16","shape":[5],"data_offsets":[0,10]},"b":{"dtype":"BF16","shape":[2,2],"data_offsets":[10,18]}}""", data);
        SafetensorsReader reader = SafetensorsReader.Read(new RawSafetensors.UnseekableStream(file));

        reader.TryGetTensor("h", out SafetensorsTensor h);
        reader.TryGetTensor("b", out SafetensorsTensor b);
        double[] halves = new double[5], brains = new double[4];
        reader.ReadValues<double>(h, halves);
        reader.ReadValues<double>(b, brains);
        Assert.Equal([1.0, -2.0, 1365.0 / 4096, 65504.0, Math.Pow(2, -24)], halves);
        Assert.Equal([1.0, -3.0, 0.33203125, Math.Pow(2, 100)], brains);
    }

    [Fact]
    public void Double_tensors_round_to_the_nearest_float()
    {
        byte[] file = RawSafetensors.Build("""{"d":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}""", RawSafetensors.Doubles(0.1, 1 + 1e-12));
        SafetensorsReader reader = SafetensorsReader.Read(new MemoryStream(file));
        reader.TryGetTensor("d", out SafetensorsTensor d);
        float[] values = new float[2];
        reader.ReadValues<float>(d, values);
        Assert.Equal([0.1f, 1f], values);
    }

    [Fact]
    public void Tensors_of_other_dtypes_are_described_but_not_converted()
    {
        byte[] file = RawSafetensors.Build("""{"n":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}""", new byte[8]);
        SafetensorsReader reader = SafetensorsReader.Read(new MemoryStream(file), "file 'x.safetensors'");
        Assert.True(reader.TryGetTensor("n", out SafetensorsTensor n));
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadValues<float>(n, new float[1]));
        Assert.Contains("file 'x.safetensors'", error.Message);
        Assert.Contains("tensor 'n' is I64", error.Message);
    }

    [Fact]
    public void The_writer_refuses_a_shape_that_does_not_fit_the_values_and_a_name_twice()
    {
        var writer = new SafetensorsWriter();
        Assert.Throws<ArgumentException>(() => writer.Add<float>("w", [1f, 2f, 3f], 2, 2));
        writer.Add<float>("w", [1f], 1);
        Assert.Throws<ArgumentException>(() => writer.Add<float>("w", [1f], 1));
        Assert.Throws<ArgumentException>(() => writer.Add<float>("__metadata__", [1f], 1));
    }

    private static byte[] Write(SafetensorsWriter writer)
    {
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        return stream.ToArray();
    }
}
