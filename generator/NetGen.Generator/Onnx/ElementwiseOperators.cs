using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Onnx;

/// <summary>
/// The ONNX operators that act on each value alone, evaluated on one double: between two dense layers a graph holds
/// only these (and scalar constants), and the function they compute together is the layer's activation
/// (<see cref="ActivationRecognizer"/>). Exporters spell one activation many ways (GELU is one Gelu node from opset
/// 20 and Div, Erf, Add, Mul, Mul before it; SiLU is Sigmoid and Mul), so the function is recognized by its values,
/// not by the nodes' order. Attribute defaults are the ONNX specification's.
/// </summary>
internal static class ElementwiseOperators
{
    private static readonly HashSet<string> Unary = new(StringComparer.Ordinal)
    {
        "Identity", "Dropout", "Flatten", "Relu", "LeakyRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid", "HardSwish",
        "Tanh", "Softplus", "Softsign", "Exp", "Log", "Erf", "Neg", "Abs", "Sqrt", "Reciprocal", "Mish", "Gelu",
    };

    private static readonly HashSet<string> Binary = new(StringComparer.Ordinal) { "Add", "Sub", "Mul", "Div", "Pow", "PRelu" };

    private static readonly HashSet<string> Variadic = new(StringComparer.Ordinal) { "Max", "Min", "Sum" };

    public static bool IsKnown(string opType) => Unary.Contains(opType) || Binary.Contains(opType) || Variadic.Contains(opType);

    /// <summary>The first ai.onnx opset that defines the operator, for those newer than NetGen's first opset, 9.</summary>
    public static long SinceOpset(string opType) => opType switch
    {
        "Celu" => 12,
        "HardSwish" => 14,
        "Mish" => 18,
        "Gelu" => 20,
        _ => 0,
    };

    /// <summary>Whether the node passes its input through unchanged in inference, as Identity, Dropout and a Flatten of [batch, n] do.</summary>
    public static bool IsPassThrough(string opType) => opType is "Identity" or "Dropout" or "Flatten";

    /// <summary>
    /// The node's first output for the given inputs; <paramref name="inputs"/> holds one value per input the
    /// operator reads (Dropout's ratio and training mode are not read: inference ignores them).
    /// </summary>
    public static double Apply(OnnxNodeSpec node, IReadOnlyList<double> inputs)
    {
        double x = inputs[0];
        switch (node.OpType)
        {
            case "Identity" or "Dropout" or "Flatten": return x;
            case "Relu": return x < 0 ? 0 : x;
            case "LeakyRelu": return x < 0 ? node.FloatAttribute("alpha", 0.01f) * x : x;
            case "Elu": return x > 0 ? x : node.FloatAttribute("alpha", 1f) * (Math.Exp(x) - 1);
            case "Selu": return node.FloatAttribute("gamma", 1.05070102214813232421875f) * (x > 0 ? x : node.FloatAttribute("alpha", 1.67326319217681884765625f) * (Math.Exp(x) - 1));
            case "Celu":
            {
                double alpha = node.FloatAttribute("alpha", 1f);
                return Math.Max(0, x) + Math.Min(0, alpha * (Math.Exp(x / alpha) - 1));
            }
            case "Sigmoid": return Sigmoid(x);
            case "HardSigmoid": return Math.Max(0, Math.Min(1, node.FloatAttribute("alpha", 0.2f) * x + node.FloatAttribute("beta", 0.5f)));
            case "HardSwish": return x * Math.Max(0, Math.Min(1, x / 6 + 0.5));
            case "Tanh": return Math.Tanh(x);
            case "Softplus": return Softplus(x);
            case "Softsign": return x / (1 + Math.Abs(x));
            case "Exp": return Math.Exp(x);
            case "Log": return Math.Log(x);
            case "Erf": return Erf(x);
            case "Neg": return -x;
            case "Abs": return Math.Abs(x);
            case "Sqrt": return Math.Sqrt(x);
            case "Reciprocal": return 1 / x;
            case "Mish": return x * Math.Tanh(Softplus(x));
            case "Gelu":
                return node.StringAttribute("approximate", "none") == "tanh"
                    ? 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))
                    : 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));
            case "Add": return x + inputs[1];
            case "Sub": return x - inputs[1];
            case "Mul": return x * inputs[1];
            case "Div": return x / inputs[1];
            case "Pow": return Math.Pow(x, inputs[1]);
            case "PRelu": return x < 0 ? inputs[1] * x : x;
            case "Max": return inputs.Max();
            case "Min": return inputs.Min();
            case "Sum": return inputs.Sum();
            default: throw new ArgumentException($"'{node.OpType}' is not an elementwise operator", nameof(node));
        }
    }

    /// <summary>How many of the node's inputs the operator reads.</summary>
    public static int ArityOf(OnnxNodeSpec node) =>
        Unary.Contains(node.OpType) ? 1 : Binary.Contains(node.OpType) ? 2 : node.Inputs.Count;

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>log(1 + eˣ) without overflow for large x.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    /// <summary>
    /// The error function to within an ulp or two: its Maclaurin series below 2 in magnitude, where the terms stay
    /// under e⁴ and cost at most two digits, and from 2 on Laplace's continued fraction for erfc, 60 terms of which
    /// reach double precision there.
    /// (.NET Standard 2.0, which a generator targets, has no Math.Erf.)
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        double a = Math.Abs(x);
        if (a < 2)
        {
            double term = x, sum = x, square = x * x;
            for (int n = 1; n < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
            {
                term *= -square / n;
                sum += term / (2 * n + 1);
            }
            return 2 / Math.Sqrt(Math.PI) * sum;
        }
        // erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))), evaluated from the tail.
        double fraction = a;
        for (int k = 60; k >= 1; k--)
            fraction = a + k / 2.0 / fraction;
        double erfc = Math.Exp(-a * a) / Math.Sqrt(Math.PI) / fraction;
        return x > 0 ? 1 - erfc : erfc - 1;
    }
}
