using System.IO;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// The models that Data/make_onnx_models.py exported with torch.onnx.export, each beside a JSON of its facts as
/// the `onnx` Python package reads them. Found through the repository, as the other tests find its files.
/// </summary>
internal static class ExportedOnnxModels
{
    public static readonly string[] Names =
    [
        "mlp_relu_softmax_opset13",
        "mlp_sigmoid_tanh_opset11",
        "mlp_relu_opset9",
        "mlp_leaky_elu_opset17",
        "mlp_matmul_no_bias_opset13",
        "mlp_tanh_double_opset13",
    ];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (string name in Names)
            data.Add(name);
        return data;
    }

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name + ".onnx"));

    public static string Facts(string name) => File.ReadAllText(PathOf(name + ".json"));

    private static string PathOf(string file) =>
        RepositoryFiles.PathOf(Path.Combine("tests", "NetGen.Generator.Tests", "Onnx", "Data", file));
}
