namespace NetGen;

/// <summary>The loss a network minimises, each the batch mean as PyTorch's <c>reduction='mean'</c>.</summary>
public enum Loss
{
    /// <summary><c>Σ (y − t)² / (batch · outputs)</c>.</summary>
    MeanSquaredError,
    /// <summary>
    /// <c>−Σ t·log softmax(z) / batch</c>; needs a final Softmax layer. Computed from the logits z
    /// as a stable log-softmax, with gradient <c>(softmax(z)·Σt − t) / batch</c>.
    /// </summary>
    CrossEntropy,
    /// <summary>
    /// <c>−Σ [t·log σ(z) + (1 − t)·log(1 − σ(z))] / (batch · outputs)</c>; needs a final Sigmoid
    /// layer. Computed from the logits as <c>max(z, 0) − z·t + log(1 + e^−|z|)</c>, with gradient
    /// <c>(σ(z) − t) / (batch · outputs)</c>.
    /// </summary>
    BinaryCrossEntropy,
}
