namespace NetGen.Generator.Model;

/// <summary>One dense layer, with its input size resolved from the layer before and its initialization resolved from its activation.</summary>
internal sealed record DenseLayerSpec(int InputSize, int OutputSize, ActivationKind Activation, InitKind Init, double InitScale, double Dropout)
{
    public int WeightCount => InputSize * OutputSize;

    public int ParameterCount => WeightCount + OutputSize;

    public bool HasDropout => Dropout > 0;
}
