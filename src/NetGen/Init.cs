namespace NetGen;

/// <summary>
/// How a layer's weights start (biases start at zero except under <see cref="PyTorch"/>). fan_in and fan_out are the layer's input and
/// output sizes; s is the layer's <see cref="DenseAttribute.InitScale"/>.
/// </summary>
public enum Init
{
    /// <summary><see cref="HeNormal"/> after ReLU, LeakyReLU, SiLU, GELUTanh, ELU, GELU or Mish, <see cref="XavierUniform"/> otherwise.</summary>
    Default,
    /// <summary><c>N(0, (s·gain)² / fan_in)</c> with gain √2 (ReLU, SiLU, GELUTanh, ELU, GELU, Mish) or √(2 / (1 + 0.01²)) (LeakyReLU).</summary>
    HeNormal,
    /// <summary><c>U(−b, b)</c> with <c>b = s·gain·√(3 / fan_in)</c>.</summary>
    HeUniform,
    /// <summary><c>N(0, s²·2 / (fan_in + fan_out))</c>.</summary>
    XavierNormal,
    /// <summary><c>U(−b, b)</c> with <c>b = s·√(6 / (fan_in + fan_out))</c>.</summary>
    XavierUniform,
    /// <summary><c>s·N(0, 1)</c>: the material's <c>0.01 * randn</c> is <c>Init.Normal, InitScale = 0.01</c>.</summary>
    Normal,
    /// <summary><c>U(−s, s)</c>.</summary>
    Uniform,
    /// <summary>All zeros.</summary>
    Zeros,
    /// <summary>PyTorch's default for <c>nn.Linear</c>: weights and biases <c>U(−b, b)</c> with <c>b = s / √fan_in</c>.</summary>
    PyTorch,
}
