using NetGen.Generator.Tests.Infrastructure;
using static NetGen.Generator.Tests.Infrastructure.SafetensorsBytes;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// A 3-2-1 network that takes its weights from "tiny.safetensors": nn.Sequential(Linear(3, 2), Tanh(), Linear(2, 1)),
/// so its tensors are 0.weight [2, 3], 0.bias [2], 2.weight [1, 2] and 2.bias [1].
/// </summary>
internal static class WeightsTestNetworks
{
    public const string Path = "tiny.safetensors";

    public static string Tiny(string precision = "Single", string weights = "\"tiny.safetensors\"") => $$"""
        using NetGen;

        namespace Weighted;

        [Network(Loss.MeanSquaredError, Precision = Precision.{{precision}}, Weights = {{weights}})]
        [Input(3)]
        [Dense(2, Activation.Tanh)]
        [Dense(1, Activation.Identity)]
        public partial class TinyWeightedNet;
        """;

    public static Tensor[] TinyTensors() =>
    [
        Tensor.Counting("0.weight", [2, 3]),
        Tensor.Counting("0.bias", [2], offset: -1),
        Tensor.Counting("2.weight", [1, 2], offset: 0.5f),
        Tensor.Counting("2.bias", [1], offset: -0.25f),
    ];

    public static InMemoryAdditionalText TinyFile(params Tensor[] tensors) =>
        InMemoryAdditionalText.Weights(Path, Write(tensors.Length == 0 ? TinyTensors() : tensors));
}
