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
    /// <summary><c>z·σ(z)</c>, SiLU or Swish (PyTorch's <c>nn.SiLU</c>).</summary>
    SiLU,
    /// <summary><c>½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))</c>, GELU's tanh approximation (PyTorch's <c>nn.GELU(approximate='tanh')</c>).</summary>
    GELUTanh,
    /// <summary><c>z &gt; 0 ? z : eᶻ − 1</c>, the exponential linear unit (PyTorch's <c>nn.ELU()</c>, alpha 1).</summary>
    ELU,
    /// <summary><c>z &gt; 20 ? z : ln(1 + eᶻ)</c>, softplus (PyTorch's <c>nn.Softplus()</c>, beta 1, threshold 20).</summary>
    Softplus,
    /// <summary><c>½·z·(1 + erf(z/√2))</c>, z·Φ(z) with Φ the standard normal distribution: GELU, exact (PyTorch's <c>nn.GELU()</c>).</summary>
    GELU,
    /// <summary><c>z·tanh(ln(1 + eᶻ))</c>, z·tanh(softplus(z)): Mish (PyTorch's <c>nn.Mish()</c>).</summary>
    Mish,
}
