using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// A network with the weights its file gives it: the parameters in the canonical order (each layer's weight
/// [out, in] row-major, then its bias), as the bits of doubles that hold the file's values exactly, so that
/// equality sees every bit; or null, with the diagnostics that say why, or because the network names no file.
/// </summary>
internal sealed record CompiledNetworkSpec(NetworkSpec Network, EquatableArray<long> ParameterBits, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasCompiledWeights => Network.Weights is not null && Diagnostics.Count == 0;
}
