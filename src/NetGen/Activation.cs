namespace NetGen;

/// <summary>The function a <see cref="DenseAttribute"/> layer applies to each output z.</summary>
public enum Activation
{
    /// <summary><c>z</c>.</summary>
    Identity,
    /// <summary><c>1 / (1 + e⁻ᶻ)</c>.</summary>
    Sigmoid,
    /// <summary><c>tanh z</c>.</summary>
    Tanh,
    /// <summary><c>max(z, 0)</c>.</summary>
    ReLU,
    /// <summary><c>z</c> for z &gt; 0, else <c>0.01·z</c> (PyTorch's default negative slope).</summary>
    LeakyReLU,
    /// <summary><c>eᶻⁱ / Σⱼ eᶻʲ</c> over the layer's outputs; final layer only.</summary>
    Softmax,
}
