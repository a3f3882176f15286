using System;

namespace NetGen;

/// <summary>
/// Marks a <c>partial class</c> as a generated multilayer perceptron. The layers come from the
/// <see cref="InputAttribute"/> and <see cref="DenseAttribute"/>s on the same declaration, in source order.
/// </summary>
/// <remarks>
/// The <see cref="ObsoleteAttribute"/> is not a deprecation: it is how NetGen.dll, the only part of NetGen a
/// compilation sees when the generator is missing, says so, as warning NG0023 on each <c>[Network]</c>,
/// instead of leaving only the errors of the members that were never generated. The generator's assembly
/// carries a diagnostic suppressor that removes NG0023 wherever the generator runs (docs/diagnostics/NG0023.md).
/// </remarks>
[Obsolete(
    "The NetGen source generator is not running in this project, so this class gets no network members. "
    + "Reference the NetGen package, which brings the generator (under analyzers/dotnet/cs); with a project "
    + "reference to NetGen, also reference the generator project with OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\".",
    DiagnosticId = "NG0023",
    UrlFormat = "https://github.com/netgen-dotnet/netgen/blob/main/docs/diagnostics/{0}.md")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute(Loss loss) : Attribute
{
    /// <summary>The loss that <c>ComputeGradients</c> and <c>TrainStep</c> minimise.</summary>
    public Loss Loss { get; } = loss;

    /// <summary>The element type of every parameter, input and output: float or double.</summary>
    public Precision Precision { get; set; } = Precision.Single;

    /// <summary>λ₁ of an L1 penalty <c>λ₁·Σ|w|</c> over every weight (not bias), added to the loss and its gradient.</summary>
    public double L1 { get; set; }

    /// <summary>
    /// A safetensors file whose tensors become the network's initial parameters, compiled into the assembly: the
    /// path relative to the project, which must list it as an <c>AdditionalFiles</c> item
    /// (<c>&lt;AdditionalFiles Include="mnist.safetensors" /&gt;</c>). The generator checks every tensor against the
    /// declaration at compile time: the names PyTorch's <c>state_dict</c> gives the equivalent model (<c>0.weight</c>,
    /// <c>lin_1.bias</c>, …), the shapes (weight [out, in], bias [out]) and the element types (F32, F16 or BF16 for a
    /// single-precision network, also F64 for a double one; half precision is widened exactly); each mismatch is a
    /// compile error. The constructor then sets the parameters to the file's values, and training continues from
    /// them; its <c>seed</c> still seeds dropout. Null (the default) draws the parameters from the seed.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>λ₂ of an L2 penalty <c>λ₂·Σw²</c> over every weight (not bias), added to the loss and its gradient.</summary>
    public double L2 { get; set; }
}
