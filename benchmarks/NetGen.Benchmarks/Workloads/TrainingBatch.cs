namespace NetGen.Benchmarks.Workloads;

/// <summary>A workload id with its batch size, shown as one parameter column ("W5, batch 128").</summary>
public readonly record struct TrainingBatch(string Workload, int Size)
{
    public override string ToString() => $"{Workload}, batch {Size}";
}
