namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>A trainable tensor and its gradient, flat; a layer hands these to the optimizer.</summary>
public sealed class Parameter(int length)
{
    public float[] Value { get; } = new float[length];
    public float[] Gradient { get; } = new float[length];
}
