namespace NetGen.Generator.Model;

/// <summary>
/// One dense layer, with its input size resolved from the layer before, its initialization resolved from
/// its activation, and its activation's argument (LeakyReLU's negative slope; 0 for an activation without one).
/// </summary>
internal sealed record DenseLayerSpec(int InputSize, int OutputSize, ActivationKind Activation, double ActivationArgument,
    InitKind Init, double InitScale, double Dropout, string? Name = null)
{
    public int WeightCount => InputSize * OutputSize;

    public int ParameterCount => WeightCount + OutputSize;

    public bool HasDropout => Dropout > 0;
}
