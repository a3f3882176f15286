using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>Work split into numbered chunks that may run on any thread, each writing only its own results.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChunkWork
{
    /// <summary>Processes chunk <paramref name="chunk"/>.</summary>
    void RunChunk(int chunk);
}
