using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>What an activation's derivative is computed from, and so what a layer keeps of its forward pass.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md). It is not an API to call, and it changes with any version.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum DerivativeSource
{
    /// <summary>The output <c>y = f(x)</c> alone, so the forward pass may write y over x.</summary>
    Output,

    /// <summary>The pre-activation x (and the output where it helps), so the layer keeps x beside y.</summary>
    PreActivation,
}
