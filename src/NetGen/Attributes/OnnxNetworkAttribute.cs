using System;

namespace NetGen;

/// <summary>
/// Marks a <c>partial class</c> as the network an ONNX model describes, weights included, compiled in at build time:
/// <c>[OnnxNetwork("model.onnx")] public partial class Net;</c>. The path is relative to the project, which must list
/// the file as an <c>AdditionalFiles</c> item (<c>&lt;AdditionalFiles Include="model.onnx" /&gt;</c>). The generator
/// reads the graph that <c>torch.onnx.export</c> writes for an <c>nn.Sequential</c> MLP (opsets 9 to 21): each
/// <c>Gemm</c>, or <c>MatMul</c> with or without an <c>Add</c>, is a dense layer, and the operators between two of
/// them are its activation. The class is the one the equivalent <see cref="InputAttribute"/> and
/// <see cref="DenseAttribute"/>s would declare, with the model's weights as its initial parameters; a graph it
/// cannot map is a compile error that names the node and its operator (docs/onnx-networks.md).
/// </summary>
/// <remarks>
/// The class takes no <see cref="InputAttribute"/> or <see cref="DenseAttribute"/>: the model gives the layers. It
/// may take one optimizer attribute (<see cref="AdamAttribute"/>, …) for fine-tuning. The <see cref="ObsoleteAttribute"/>
/// is not a deprecation: as on <see cref="NetworkAttribute"/>, it reports NG0023 where the generator is missing.
/// </remarks>
[Obsolete(
    "The NetGen source generator is not running in this project, so this class gets no network members. "
    + "Reference the NetGen package, which brings the generator (under analyzers/dotnet/cs); with a project "
    + "reference to NetGen, also reference the generator project with OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\".",
    DiagnosticId = "NG0023",
    UrlFormat = "https://github.com/netgen-dotnet/netgen/blob/main/docs/diagnostics/{0}.md")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OnnxNetworkAttribute(string path) : Attribute
{
    /// <summary>The ONNX file, relative to the project, as the project's <c>AdditionalFiles</c> item names it.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// The loss that <c>ComputeGradients</c> and <c>TrainStep</c> minimise when the network is fine-tuned. Left unset,
    /// it is <see cref="NetGen.Loss.CrossEntropy"/> for a model that ends in Softmax,
    /// <see cref="NetGen.Loss.BinaryCrossEntropy"/> for one that ends in Sigmoid and
    /// <see cref="NetGen.Loss.MeanSquaredError"/> otherwise.
    /// </summary>
    public Loss Loss { get; set; }

    /// <summary>
    /// The element type of every parameter, input and output. Left unset, it is the model's: float for a float32,
    /// float16 or bfloat16 model (16-bit values widen exactly), double for a float64 one. A float32 model may be
    /// declared double (its values widen exactly); a float64 model cannot be declared single.
    /// </summary>
    public Precision Precision { get; set; }

    /// <summary>λ₁ of an L1 penalty <c>λ₁·Σ|w|</c> over every weight (not bias), for fine-tuning.</summary>
    public double L1 { get; set; }

    /// <summary>λ₂ of an L2 penalty <c>λ₂·Σw²</c> over every weight (not bias), for fine-tuning.</summary>
    public double L2 { get; set; }
}
