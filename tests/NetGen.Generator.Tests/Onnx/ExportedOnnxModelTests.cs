using System.Linq;
using System.Text.Json;
using NetGen.Generator.Onnx;
using Xunit;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// The reader gives, for each model torch.onnx.export wrote, what the `onnx` Python package reads from the same
/// file: IR version, opsets, every node with its attributes, every initializer with its exact values, and the
/// inputs and outputs with their symbolic batch dimension.
/// </summary>
public sealed class ExportedOnnxModelTests
{
    public static TheoryData<string> Models() => ExportedOnnxModels.All();

    [Theory]
    [MemberData(nameof(Models))]
    public void The_reader_gives_the_opsets_and_nodes_the_onnx_package_reads(string name)
    {
        OnnxModelSpec model = Read(name);
        using JsonDocument facts = JsonDocument.Parse(ExportedOnnxModels.Facts(name));
        JsonElement root = facts.RootElement;

        Assert.Equal(root.GetProperty("ir_version").GetInt64(), model.IrVersion);
        Assert.Equal(
            root.GetProperty("opset_import").EnumerateArray().Select(o => (o.GetProperty("domain").GetString(), o.GetProperty("version").GetInt64())),
            model.OpsetImports.Select(o => ((string?)o.Domain, o.Version)));
        JsonElement[] nodes = [.. root.GetProperty("nodes").EnumerateArray()];
        Assert.Equal(nodes.Length, model.Graph.Nodes.Count);
        for (int i = 0; i < nodes.Length; i++)
        {
            OnnxNodeSpec node = model.Graph.Nodes[i];
            Assert.Equal(nodes[i].GetProperty("op_type").GetString(), node.OpType);
            Assert.Equal(nodes[i].GetProperty("name").GetString(), node.Name);
            Assert.Equal(nodes[i].GetProperty("domain").GetString(), node.Domain);
            Assert.Equal(Strings(nodes[i].GetProperty("inputs")), node.Inputs);
            Assert.Equal(Strings(nodes[i].GetProperty("outputs")), node.Outputs);
            JsonElement[] attributes = [.. nodes[i].GetProperty("attributes").EnumerateArray()];
            Assert.Equal(attributes.Length, node.Attributes.Count);
            for (int a = 0; a < attributes.Length; a++)
                AssertAttribute(attributes[a], node.Attributes[a]);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_reader_gives_every_initializer_with_its_exact_values(string name)
    {
        OnnxModelSpec model = Read(name);
        using JsonDocument facts = JsonDocument.Parse(ExportedOnnxModels.Facts(name));

        JsonElement[] initializers = [.. facts.RootElement.GetProperty("initializers").EnumerateArray()];
        Assert.Equal(initializers.Length, model.Graph.Initializers.Count);
        for (int i = 0; i < initializers.Length; i++)
        {
            OnnxTensorSpec tensor = model.Graph.Initializers[i];
            Assert.Equal(initializers[i].GetProperty("name").GetString(), tensor.Name);
            Assert.Equal(initializers[i].GetProperty("data_type").GetInt32(), (int)tensor.DataType);
            Assert.Equal(initializers[i].GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()), tensor.Dims);
            Assert.Equal(initializers[i].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), tensor.Values);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_reader_gives_the_inputs_and_outputs_with_the_symbolic_batch(string name)
    {
        OnnxModelSpec model = Read(name);
        using JsonDocument facts = JsonDocument.Parse(ExportedOnnxModels.Facts(name));

        AssertValues(facts.RootElement.GetProperty("inputs"), model.Graph.Inputs.ToArray());
        AssertValues(facts.RootElement.GetProperty("outputs"), model.Graph.Outputs.ToArray());
        Assert.All(model.Graph.Inputs.Concat(model.Graph.Outputs), value => Assert.Equal("batch", value.Dimensions[0].Param));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Reading_a_file_twice_gives_equal_models_for_the_incremental_cache(string name)
    {
        Assert.Equal(Read(name), Read(name));
        Assert.Equal(Read(name).GetHashCode(), Read(name).GetHashCode());
    }

    private static OnnxModelSpec Read(string name)
    {
        OnnxReadResult result = OnnxModelReader.Read(ExportedOnnxModels.Bytes(name));
        Assert.Null(result.Error);
        return result.Model!;
    }

    private static void AssertAttribute(JsonElement expected, OnnxAttributeSpec attribute)
    {
        Assert.Equal(expected.GetProperty("name").GetString(), attribute.Name);
        Assert.Equal(expected.GetProperty("type").GetInt32(), (int)attribute.Type);
        JsonElement value = expected.GetProperty("value");
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float: Assert.Equal(value.GetDouble(), attribute.Float); break;
            case OnnxAttributeType.Int: Assert.Equal(value.GetInt64(), attribute.Int); break;
            case OnnxAttributeType.String: Assert.Equal(value.GetString(), attribute.String); break;
            case OnnxAttributeType.Ints: Assert.Equal(value.EnumerateArray().Select(v => v.GetInt64()), attribute.Ints); break;
            case OnnxAttributeType.Floats: Assert.Equal(value.EnumerateArray().Select(v => (float)v.GetDouble()), attribute.Floats); break;
            default: Assert.Fail($"the exported models hold no attribute of type {attribute.Type}"); break;
        }
    }

    private static void AssertValues(JsonElement expected, OnnxValueInfoSpec[] values)
    {
        JsonElement[] infos = [.. expected.EnumerateArray()];
        Assert.Equal(infos.Length, values.Length);
        for (int i = 0; i < infos.Length; i++)
        {
            Assert.Equal(infos[i].GetProperty("name").GetString(), values[i].Name);
            Assert.Equal(infos[i].GetProperty("elem_type").GetInt32(), (int)values[i].ElementType);
            Assert.True(values[i].HasShape);
            Assert.Equal(
                infos[i].GetProperty("dims").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetInt64().ToString()),
                values[i].Dimensions.Select(d => d.ToString()));
        }
    }

    private static string?[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(s => s.GetString())];
}
