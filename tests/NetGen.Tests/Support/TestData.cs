using System;
using System.Linq;

namespace NetGen.Tests.Support;

/// <summary>
/// Random parameters, inputs and targets for the tests, from <see cref="System.Random"/> with a fixed
/// seed, so that the data do not come from the code under test (NetGen's own SeededRandom).
/// </summary>
public sealed class TestData(int seed)
{
    /// <summary>No pre-activation of a ReLU or LeakyReLU layer comes closer to its kink than this.</summary>
    public const double KinkMargin = 1e-3;

    private readonly Random _random = new(seed);

    public double Uniform(double low, double high) => low + (high - low) * _random.NextDouble();

    public double Normal()
    {
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public int Integer(int maxExclusive) => _random.Next(maxExclusive);

    public double[] Normals(int count, double scale = 1.0) => Enumerable.Range(0, count).Select(_ => scale * Normal()).ToArray();

    /// <summary>
    /// Canonical parameters of the size that keeps activations in their interesting range:
    /// weights about N(0, 1.5/fan_in) (a little above unit gain, so deep nets do not fade),
    /// biases N(0, 0.3²).
    /// </summary>
    public double[] Parameters(Architecture architecture)
    {
        var parameters = new double[architecture.ParameterCount];
        int k = 0;
        for (int l = 0; l < architecture.Layers.Length; l++)
        {
            int fanIn = architecture.FanIn(l), fanOut = architecture.Layers[l].Size;
            double scale = Math.Sqrt(1.5 / fanIn);
            for (int w = 0; w < fanIn * fanOut; w++)
                parameters[k++] = scale * Normal();
            for (int o = 0; o < fanOut; o++)
                parameters[k++] = 0.3 * Normal();
        }
        return parameters;
    }

    /// <summary>
    /// A batch of inputs with every sample drawn again until no ReLU or LeakyReLU pre-activation
    /// is within <see cref="KinkMargin"/> of zero: there the loss has no derivative, and a finite
    /// difference straddling the kink would disagree with any correct gradient.
    /// </summary>
    public double[] InputsAwayFromKinks(Architecture architecture, ReadOnlySpan<double> canonicalParameters, int batch)
    {
        var reference = new ReferenceMlp(architecture, canonicalParameters);
        int n = architecture.InputSize;
        var inputs = new double[batch * n];
        for (int s = 0; s < batch; s++)
        {
            for (int attempt = 0; ; attempt++)
            {
                if (attempt == 1000)
                    throw new InvalidOperationException("No sample away from the kinks after 1000 draws; the parameters are degenerate.");
                double[] sample = Normals(n);
                if (!architecture.HasKinks || IsAwayFromKinks(architecture, reference.Run(sample)))
                {
                    sample.CopyTo(inputs, s * n);
                    break;
                }
            }
        }
        return inputs;
    }

    private static bool IsAwayFromKinks(Architecture architecture, ReferenceMlp.Trace trace)
    {
        for (int l = 0; l < architecture.Layers.Length; l++)
            if (architecture.Layers[l].Activation is Activation.ReLU or Activation.LeakyReLU
                && trace.PreActivations[l].Any(z => Math.Abs(z) < KinkMargin))
                return false;
        return true;
    }

    /// <summary>
    /// Target rows the loss accepts: any reals for MeanSquaredError, probability rows (positive,
    /// summing to 1) for CrossEntropy, probabilities in [0, 1] for BinaryCrossEntropy.
    /// </summary>
    public double[] Targets(Architecture architecture, int batch)
    {
        int m = architecture.OutputSize;
        var targets = new double[batch * m];
        for (int s = 0; s < batch; s++)
        {
            Span<double> row = targets.AsSpan(s * m, m);
            switch (architecture.Loss)
            {
                case Loss.MeanSquaredError:
                    for (int j = 0; j < m; j++)
                        row[j] = Uniform(-1, 1);
                    break;
                case Loss.CrossEntropy:
                    double sum = 0;
                    for (int j = 0; j < m; j++)
                        sum += row[j] = Uniform(0.05, 1);
                    for (int j = 0; j < m; j++)
                        row[j] /= sum;
                    break;
                default:
                    for (int j = 0; j < m; j++)
                        row[j] = Uniform(0, 1);
                    break;
            }
        }
        return targets;
    }

    /// <summary>One class label a sample: 0 to OutputSize − 1, or 0 and 1 for a single output.</summary>
    public int[] Labels(Architecture architecture, int batch)
    {
        int classes = architecture.OutputSize == 1 ? 2 : architecture.OutputSize;
        return Enumerable.Range(0, batch).Select(_ => Integer(classes)).ToArray();
    }

    /// <summary>The target rows that labels stand for: one-hot rows, or the label itself for a single output.</summary>
    public static double[] TargetsOf(int[] labels, int outputSize)
    {
        var targets = new double[labels.Length * outputSize];
        for (int s = 0; s < labels.Length; s++)
        {
            if (outputSize == 1)
                targets[s] = labels[s];
            else
                targets[s * outputSize + labels[s]] = 1;
        }
        return targets;
    }
}
