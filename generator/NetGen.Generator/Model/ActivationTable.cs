namespace NetGen.Generator.Model;

/// <summary>What an activation's backward pass reads: the runtime's DerivativeSource, mirrored.</summary>
internal enum DerivativeSourceKind { Output, PreActivation }

/// <summary>
/// What the generator knows of one activation: whether it is element-wise, what its derivative reads
/// (and so what a layer keeps), the initialization <c>Init.Default</c> stands for after it, and the
/// argument it takes, if any, with its default.
/// </summary>
internal sealed record ActivationTraits(
    ActivationKind Kind,
    bool IsElementwise,
    DerivativeSourceKind DerivativeSource,
    InitKind DefaultInit,
    string? ArgumentName,
    double DefaultArgument);

/// <summary>
/// Every activation in one table: the generator names an activation to the runtime by its
/// <see cref="ActivationKind"/> member (the runtime's <c>Activation</c> of the same name, whose
/// operator struct <c>{Name}Activation</c> the runtime's one dispatch point picks), and reads every
/// rule that depends on the activation from here. A test keeps the table in step with the runtime.
/// </summary>
internal static class ActivationTable
{
    /// <summary>
    /// He initialization after the ReLU family, which zero half their inputs, and after the smooth
    /// activations shaped like ReLU (SiLU, GELUTanh, ELU, GELU, Mish), for which PyTorch users call
    /// <c>kaiming_normal_(nonlinearity='relu')</c>, gain √2 (what Kaiming users take for ELU-like units); Xavier (Glorot) after the rest, as PyTorch's guidance.
    /// </summary>
    public static ActivationTraits Of(ActivationKind kind) => kind switch
    {
        ActivationKind.Identity => new(kind, true, DerivativeSourceKind.Output, InitKind.XavierUniform, null, 0),
        ActivationKind.Sigmoid => new(kind, true, DerivativeSourceKind.Output, InitKind.XavierUniform, null, 0),
        ActivationKind.Tanh => new(kind, true, DerivativeSourceKind.Output, InitKind.XavierUniform, null, 0),
        ActivationKind.ReLU => new(kind, true, DerivativeSourceKind.Output, InitKind.HeNormal, null, 0),
        // PyTorch's nn.LeakyReLU(negative_slope=0.01).
        ActivationKind.LeakyReLU => new(kind, true, DerivativeSourceKind.Output, InitKind.HeNormal, "NegativeSlope", 0.01),
        // PyTorch's nn.SiLU and nn.GELU(approximate='tanh'): derivatives of the pre-activation.
        ActivationKind.SiLU => new(kind, true, DerivativeSourceKind.PreActivation, InitKind.HeNormal, null, 0),
        ActivationKind.GELUTanh => new(kind, true, DerivativeSourceKind.PreActivation, InitKind.HeNormal, null, 0),
        // PyTorch's nn.ELU() (alpha 1): its derivative, y + 1 below 0, reads the output.
        ActivationKind.ELU => new(kind, true, DerivativeSourceKind.Output, InitKind.HeNormal, null, 0),
        // PyTorch's nn.Softplus() (beta 1, threshold 20): its derivative σ(x) reads the pre-activation, as PyTorch's.
        ActivationKind.Softplus => new(kind, true, DerivativeSourceKind.PreActivation, InitKind.XavierUniform, null, 0),
        // PyTorch's nn.GELU() (exact) and nn.Mish(): derivatives of the pre-activation, shaped like ReLU as SiLU.
        ActivationKind.GELU => new(kind, true, DerivativeSourceKind.PreActivation, InitKind.HeNormal, null, 0),
        ActivationKind.Mish => new(kind, true, DerivativeSourceKind.PreActivation, InitKind.HeNormal, null, 0),
        // A row's softmax: not element-wise, trained fused with cross-entropy or through its Jacobian.
        _ => new(kind, false, DerivativeSourceKind.Output, InitKind.XavierUniform, null, 0),
    };
}
