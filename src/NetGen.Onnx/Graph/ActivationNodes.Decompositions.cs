namespace NetGen.Onnx.Graph;

internal static partial class ActivationNodes
{
    /// <summary>
    /// PyTorch's <c>LeakyReLU(negative_slope)</c>: <c>x &gt; 0 ? x : slope·x</c>, ONNX's LeakyRelu; in double, that
    /// formula as Greater, Mul and Where (which also keeps the slope in double rather than LeakyRelu's float attribute).
    /// </summary>
    private static void LeakyReLU(Steps steps, double negativeSlope, string x, string output)
    {
        if (!steps.IsDouble)
        {
            steps.Op("LeakyRelu", "leaky_relu", [x], output, OnnxGraphWriter.Attribute("alpha", (float)negativeSlope));
            return;
        }
        string slope = steps.Constant($"negative_slope_{negativeSlope.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", negativeSlope);
        string positive = steps.Op("Greater", "positive", [x, steps.Constant("zero", 0)]);
        string scaled = steps.Op("Mul", "scaled", [x, slope]);
        steps.Op("Where", "where", [positive, x, scaled], output);
    }

    /// <summary>PyTorch's <c>ELU()</c>, alpha 1: <c>x &gt; 0 ? x : eˣ − 1</c>, ONNX's Elu; in double, that formula as Exp, Sub and Where.</summary>
    private static void ELU(Steps steps, string x, string output)
    {
        if (!steps.IsDouble)
        {
            steps.Op("Elu", "elu", [x], output, OnnxGraphWriter.Attribute("alpha", 1f));
            return;
        }
        string positive = steps.Op("Greater", "positive", [x, steps.Constant("zero", 0)]);
        string exp = steps.Op("Exp", "exp", [x]);
        string expMinusOne = steps.Op("Sub", "exp_minus_one", [exp, steps.Constant("one", 1)]);
        steps.Op("Where", "where", [positive, x, expMinusOne], output);
    }

    /// <summary>PyTorch's <c>SiLU()</c>: <c>x·σ(x)</c>; ONNX has no operator for it before opset 24 (Swish).</summary>
    private static void SiLU(Steps steps, string x, string output)
    {
        string sigmoid = steps.Op("Sigmoid", "sigmoid", [x]);
        steps.Op("Mul", "mul", [x, sigmoid], output);
    }

    /// <summary>PyTorch's exact <c>GELU()</c>: <c>x/2·(1 + erf(x/√2))</c>; ONNX's Gelu comes only in opset 20.</summary>
    private static void GELU(Steps steps, string x, string output)
    {
        string scaled = steps.Op("Div", "div", [x, steps.Constant("sqrt_2", System.Math.Sqrt(2))]);
        string erf = steps.IsDouble ? Erf(steps, scaled) : steps.Op("Erf", "erf", [scaled]);
        string onePlus = steps.Op("Add", "add", [erf, steps.Constant("one", 1)]);
        string half = steps.Op("Mul", "half", [x, steps.Constant("half", 0.5)]);
        steps.Op("Mul", "mul", [half, onePlus], output);
    }

    /// <summary>
    /// PyTorch's <c>GELU(approximate='tanh')</c>: <c>x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>, with x³ as
    /// two products (as PyTorch's kernel, rather than Pow).
    /// </summary>
    private static void GELUTanh(Steps steps, string x, string output)
    {
        string square = steps.Op("Mul", "square", [x, x]);
        string cube = steps.Op("Mul", "cube", [square, x]);
        string cubeTerm = steps.Op("Mul", "cube_term", [cube, steps.Constant("gelu_cube_coefficient", 0.044715)]);
        string inner = steps.Op("Add", "inner", [x, cubeTerm]);
        string scaled = steps.Op("Mul", "scaled", [inner, steps.Constant("sqrt_2_over_pi", System.Math.Sqrt(2 / System.Math.PI))]);
        string tanh = steps.Op("Tanh", "tanh", [scaled]);
        string onePlus = steps.Op("Add", "add", [tanh, steps.Constant("one", 1)]);
        string half = steps.Op("Mul", "half", [x, steps.Constant("half", 0.5)]);
        steps.Op("Mul", "mul", [half, onePlus], output);
    }

    /// <summary>
    /// PyTorch's <c>Softplus()</c>, beta 1 and threshold 20: <c>x &gt; 20 ? x : ln(1 + eˣ)</c>. ONNX's Softplus has
    /// no threshold; above 20 it differs from x by e⁻ˣ &lt; 2.1e-9, below a float's rounding but a thousand
    /// times a double's, so the threshold is kept as a Where. In double, ln(1 + eˣ) is written as
    /// <c>max(x, 0) + ln(1 + e^−|x|)</c>, which neither overflows nor loses x where eˣ is large. Returns the value written.
    /// </summary>
    private static string Softplus(Steps steps, string x, string? output = null)
    {
        string softplus = steps.IsDouble ? StableSoftplus(steps, x) : steps.Op("Softplus", "softplus", [x]);
        string above = steps.Op("Greater", "above_threshold", [x, steps.Constant("softplus_threshold", 20)]);
        return steps.Op("Where", "thresholded", [above, x, softplus], output);
    }

    /// <summary>PyTorch's <c>Mish()</c>: <c>x·tanh(softplus(x))</c>, Softplus with its threshold as above; ONNX's Mish comes only in opset 18.</summary>
    private static void Mish(Steps steps, string x, string output)
    {
        string softplus = Softplus(steps, x);
        string tanh = steps.Op("Tanh", "tanh", [softplus]);
        steps.Op("Mul", "mul", [x, tanh], output);
    }

    /// <summary><c>max(x, 0) + ln(1 + e^−|x|)</c>, ln(1 + eˣ) from primitive operators.</summary>
    private static string StableSoftplus(Steps steps, string x)
    {
        string magnitude = steps.Op("Abs", "abs", [x]);
        string negated = steps.Op("Neg", "neg", [magnitude]);
        string exp = steps.Op("Exp", "exp", [negated]);
        string onePlus = steps.Op("Add", "one_plus", [steps.Constant("one", 1), exp]);
        string log = steps.Op("Log", "log", [onePlus]);
        string positivePart = steps.Op("Relu", "positive_part", [x]);
        return steps.Op("Add", "softplus", [positivePart, log]);
    }
}
