namespace NetGen.Kernels;

/// <summary>Work split into numbered chunks that may run on any thread, each writing only its own results.</summary>
public interface IChunkWork
{
    /// <summary>Processes chunk <paramref name="chunk"/>.</summary>
    void RunChunk(int chunk);
}
