using System;

namespace NetGen.Tests.Support;

/// <summary>
/// A deliberately plain multilayer perceptron: jagged arrays in PyTorch's layout (weight [out, in],
/// then bias [out]), nested loops, double arithmetic, the textbook formulas for every activation,
/// loss and derivative. It shares no code with NetGen, so that it can judge what NetGen computes.
/// </summary>
public sealed class ReferenceMlp
{

    private readonly Architecture _architecture;
    private readonly double[][,] _weights; // [layer][out, in]
    private readonly double[][] _biases;   // [layer][out]

    /// <summary>Reads the parameters in the canonical order: per layer, weight [out, in] row-major, then bias.</summary>
    public ReferenceMlp(Architecture architecture, ReadOnlySpan<double> canonicalParameters)
    {
        if (canonicalParameters.Length != architecture.ParameterCount)
            throw new ArgumentException($"Expected {architecture.ParameterCount} parameters.", nameof(canonicalParameters));
        _architecture = architecture;
        int layers = architecture.Layers.Length;
        _weights = new double[layers][,];
        _biases = new double[layers][];
        int k = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = architecture.FanIn(l), fanOut = architecture.Layers[l].Size;
            _weights[l] = new double[fanOut, fanIn];
            _biases[l] = new double[fanOut];
            for (int o = 0; o < fanOut; o++)
                for (int i = 0; i < fanIn; i++)
                    _weights[l][o, i] = canonicalParameters[k++];
            for (int o = 0; o < fanOut; o++)
                _biases[l][o] = canonicalParameters[k++];
        }
    }

    /// <summary>What one sample leaves behind in the forward pass.</summary>
    public sealed class Trace
    {
        /// <summary>Pre-activations z per layer.</summary>
        public required double[][] PreActivations { get; init; }

        /// <summary>Activations a per layer; the last one is the network's output.</summary>
        public required double[][] Activations { get; init; }
    }

    /// <summary>Runs one sample through every layer, keeping z and a.</summary>
    public Trace Run(ReadOnlySpan<double> sample)
    {
        int layers = _architecture.Layers.Length;
        var z = new double[layers][];
        var a = new double[layers][];
        double[] x = sample.ToArray();
        for (int l = 0; l < layers; l++)
        {
            int fanIn = _architecture.FanIn(l), fanOut = _architecture.Layers[l].Size;
            z[l] = new double[fanOut];
            for (int o = 0; o < fanOut; o++)
            {
                double sum = _biases[l][o];
                for (int i = 0; i < fanIn; i++)
                    sum += _weights[l][o, i] * x[i];
                z[l][o] = sum;
            }
            a[l] = Activate(_architecture.Layers[l], z[l]);
            x = a[l];
        }
        return new Trace { PreActivations = z, Activations = a };
    }

    /// <summary>The outputs of a batch, one row a sample.</summary>
    public double[] Forward(ReadOnlySpan<double> inputs)
    {
        int n = _architecture.InputSize, m = _architecture.OutputSize, batch = inputs.Length / n;
        var outputs = new double[batch * m];
        for (int s = 0; s < batch; s++)
            Run(inputs.Slice(s * n, n)).Activations[^1].CopyTo(outputs, s * m);
        return outputs;
    }

    /// <summary>
    /// The batch's mean loss against target rows, and its gradient with respect to every parameter
    /// in the canonical order, by backpropagation written out from the chain rule.
    /// </summary>
    public (double Loss, double[] Gradient) LossAndGradient(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        int n = _architecture.InputSize, m = _architecture.OutputSize, batch = inputs.Length / n;
        int layers = _architecture.Layers.Length;
        var weightGradients = new double[layers][,];
        var biasGradients = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            weightGradients[l] = new double[_architecture.Layers[l].Size, _architecture.FanIn(l)];
            biasGradients[l] = new double[_architecture.Layers[l].Size];
        }

        double totalLoss = 0;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<double> x = inputs.Slice(s * n, n);
            ReadOnlySpan<double> t = targets.Slice(s * m, m);
            Trace trace = Run(x);
            double[] zOut = trace.PreActivations[^1], y = trace.Activations[^1];

            // The gradient of this sample's share of the mean loss at the last pre-activation.
            double[] delta = new double[m];
            switch (_architecture.Loss)
            {
                case Loss.MeanSquaredError:
                {
                    var dy = new double[m];
                    for (int j = 0; j < m; j++)
                    {
                        totalLoss += (y[j] - t[j]) * (y[j] - t[j]) / (batch * m);
                        dy[j] = 2 * (y[j] - t[j]) / (batch * m);
                    }
                    delta = BackThroughActivation(_architecture.Layers[^1], zOut, y, dy);
                    break;
                }
                case Loss.CrossEntropy:
                {
                    // L = −Σⱼ tⱼ log pⱼ with log pⱼ = zⱼ − log Σₖ e^zₖ; ∂L/∂zⱼ = pⱼ Σₖ tₖ − tⱼ.
                    double max = double.NegativeInfinity;
                    foreach (double v in zOut)
                        max = Math.Max(max, v);
                    double sumExp = 0;
                    foreach (double v in zOut)
                        sumExp += Math.Exp(v - max);
                    double logSumExp = max + Math.Log(sumExp);
                    double targetSum = 0;
                    for (int j = 0; j < m; j++)
                    {
                        totalLoss += -t[j] * (zOut[j] - logSumExp) / batch;
                        targetSum += t[j];
                    }
                    for (int j = 0; j < m; j++)
                        delta[j] = (Math.Exp(zOut[j] - logSumExp) * targetSum - t[j]) / batch;
                    break;
                }
                case Loss.BinaryCrossEntropy:
                {
                    // log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z); ∂L/∂z = σ(z) − t.
                    for (int j = 0; j < m; j++)
                    {
                        double logP = -Softplus(-zOut[j]), logNotP = -Softplus(zOut[j]);
                        totalLoss += -(t[j] * logP + (1 - t[j]) * logNotP) / (batch * m);
                        delta[j] = (Sigmoid(zOut[j]) - t[j]) / (batch * m);
                    }
                    break;
                }
                default:
                    throw new NotSupportedException(_architecture.Loss.ToString());
            }

            for (int l = layers - 1; l >= 0; l--)
            {
                double[] layerInput = l == 0 ? x.ToArray() : trace.Activations[l - 1];
                int fanIn = _architecture.FanIn(l), fanOut = _architecture.Layers[l].Size;
                for (int o = 0; o < fanOut; o++)
                {
                    biasGradients[l][o] += delta[o];
                    for (int i = 0; i < fanIn; i++)
                        weightGradients[l][o, i] += delta[o] * layerInput[i];
                }
                if (l == 0)
                    break;
                var dInput = new double[fanIn];
                for (int i = 0; i < fanIn; i++)
                    for (int o = 0; o < fanOut; o++)
                        dInput[i] += _weights[l][o, i] * delta[o];
                delta = BackThroughActivation(_architecture.Layers[l - 1],
                    trace.PreActivations[l - 1], trace.Activations[l - 1], dInput);
            }
        }

        var gradient = new double[_architecture.ParameterCount];
        int k = 0;
        for (int l = 0; l < layers; l++)
        {
            for (int o = 0; o < _architecture.Layers[l].Size; o++)
                for (int i = 0; i < _architecture.FanIn(l); i++)
                    gradient[k++] = weightGradients[l][o, i];
            for (int o = 0; o < _architecture.Layers[l].Size; o++)
                gradient[k++] = biasGradients[l][o];
        }
        return (totalLoss, gradient);
    }

    private static double[] Activate(LayerShape layer, double[] z)
    {
        Activation activation = layer.Activation;
        var a = new double[z.Length];
        switch (activation)
        {
            case Activation.Softmax:
            {
                double max = double.NegativeInfinity;
                foreach (double v in z)
                    max = Math.Max(max, v);
                double sum = 0;
                for (int j = 0; j < z.Length; j++)
                    sum += a[j] = Math.Exp(z[j] - max);
                for (int j = 0; j < z.Length; j++)
                    a[j] /= sum;
                break;
            }
            default:
                for (int j = 0; j < z.Length; j++)
                {
                    a[j] = activation switch
                    {
                        Activation.Identity => z[j],
                        Activation.Sigmoid => Sigmoid(z[j]),
                        Activation.Tanh => Math.Tanh(z[j]),
                        Activation.ReLU => z[j] > 0 ? z[j] : 0,
                        Activation.LeakyReLU => z[j] > 0 ? z[j] : layer.NegativeSlope * z[j],
                        Activation.SiLU => z[j] * Sigmoid(z[j]),
                        Activation.GELUTanh => 0.5 * z[j] * (1 + Math.Tanh(GeluTanhInner(z[j]))),
                        Activation.ELU => z[j] > 0 ? z[j] : Math.Exp(z[j]) - 1,
                        Activation.Softplus => z[j] > 20 ? z[j] : Softplus(z[j]),
                        Activation.GELU => z[j] * NormalCdf(z[j]),
                        Activation.Mish => z[j] * Math.Tanh(Softplus(z[j])),
                        _ => throw new NotSupportedException(activation.ToString()),
                    };
                }
                break;
        }
        return a;
    }

    /// <summary>∂L/∂z from ∂L/∂a for a = activation(z); the derivatives are taken from z.</summary>
    private static double[] BackThroughActivation(LayerShape layer, double[] z, double[] a, double[] dA)
    {
        Activation activation = layer.Activation;
        var dZ = new double[z.Length];
        if (activation == Activation.Softmax)
        {
            // ∂aⱼ/∂zₖ = aⱼ(δⱼₖ − aₖ).
            for (int k = 0; k < z.Length; k++)
                for (int j = 0; j < z.Length; j++)
                    dZ[k] += dA[j] * a[j] * ((j == k ? 1 : 0) - a[k]);
            return dZ;
        }
        for (int j = 0; j < z.Length; j++)
        {
            double derivative = activation switch
            {
                Activation.Identity => 1,
                Activation.Sigmoid => Sigmoid(z[j]) * (1 - Sigmoid(z[j])),
                Activation.Tanh => 1 - Math.Tanh(z[j]) * Math.Tanh(z[j]),
                Activation.ReLU => z[j] > 0 ? 1 : 0,
                Activation.LeakyReLU => z[j] > 0 ? 1 : layer.NegativeSlope,
                Activation.SiLU => Sigmoid(z[j]) * (1 + z[j] * (1 - Sigmoid(z[j]))),
                Activation.GELUTanh => GeluTanhDerivative(z[j]),
                Activation.ELU => z[j] > 0 ? 1 : Math.Exp(z[j]),
                Activation.Softplus => z[j] > 20 ? 1 : Sigmoid(z[j]),
                Activation.GELU => NormalCdf(z[j]) + z[j] * Math.Exp(-z[j] * z[j] / 2) / Math.Sqrt(2 * Math.PI),
                Activation.Mish => MishDerivative(z[j]),
                _ => throw new NotSupportedException(activation.ToString()),
            };
            dZ[j] = dA[j] * derivative;
        }
        return dZ;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>√(2/π)·(z + 0.044715·z³), the argument of tanh in PyTorch's GELU(approximate='tanh').</summary>
    private static double GeluTanhInner(double z) => Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z);

    /// <summary>d/dz of ½·z·(1 + tanh u(z)): ½·(1 + tanh u) + ½·z·(1 − tanh² u)·u′.</summary>
    private static double GeluTanhDerivative(double z)
    {
        double t = Math.Tanh(GeluTanhInner(z));
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * Math.Sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * z * z);
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    /// <summary>
    /// Φ(z) = ½·erfc(−z/√2), the standard normal distribution, with erfc t = 1 − erf t from the series of
    /// positive terms (2/√π)·e^−t²·Σ 2ⁿ·t^(2n+1)/(1·3·…·(2n+1)) below t = 2, and Laplace's continued fraction
    /// e^−t²/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …)))) above.
    /// </summary>
    private static double NormalCdf(double z)
    {
        double t = Math.Abs(z) / Math.Sqrt(2), erfc;
        if (t < 2)
        {
            double sum = 0, term = t;
            for (int n = 0; n < 40; n++)
            {
                sum += term;
                term *= 2 * t * t / (2 * n + 3);
            }
            erfc = 1 - 2 / Math.Sqrt(Math.PI) * Math.Exp(-t * t) * sum;
        }
        else
        {
            double fraction = t;
            for (int n = 100; n >= 1; n--)
                fraction = t + n / 2.0 / fraction;
            erfc = Math.Exp(-t * t) / (Math.Sqrt(Math.PI) * fraction);
        }
        return z < 0 ? erfc / 2 : 1 - erfc / 2;
    }

    /// <summary>d/dz of z·tanh(softplus z): tanh(softplus z) + z·σ(z)·(1 − tanh²(softplus z)).</summary>
    private static double MishDerivative(double z)
    {
        double t = Math.Tanh(Softplus(z));
        return t + z * Sigmoid(z) * (1 - t * t);
    }
}
