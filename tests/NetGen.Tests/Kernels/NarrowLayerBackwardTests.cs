using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="Dense.BackwardFromNarrowLayer{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T}, Span{T}, int, Span{T}, Span{T}, int, int, int, Activation, T)"/>
/// against its definition in plain loops: as a core with full-width 512-bit pipes runs it (in one pass up to 12 outputs of the
/// narrow layer, step by step above) and as one that splits them (step by step), for float and double, activations whose
/// derivatives read their outputs, odd and even batches.
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class NarrowLayerBackwardTests
{
    public static TheoryData<bool, Activation, double> Cores() => new()
    {
        { false, Activation.ReLU, 0 },
        { true, Activation.ReLU, 0 },
        { false, Activation.Tanh, 0 },
        { false, Activation.LeakyReLU, 0.2 },
        { false, Activation.Identity, 0 },
        { true, Activation.Sigmoid, 0 },
    };

    [Theory]
    [MemberData(nameof(Cores))]
    public void Float_gradients_match_the_definition(bool halved, Activation activation, double argument) =>
        VectorPipesProductTests.AsCore(halved, () => Check<float>(activation, argument, 1e-5));

    [Theory]
    [MemberData(nameof(Cores))]
    public void Double_gradients_match_the_definition(bool halved, Activation activation, double argument) =>
        VectorPipesProductTests.AsCore(halved, () => Check<double>(activation, argument, 1e-12));

    [Fact]
    public void An_activation_whose_derivative_reads_its_pre_activation_is_refused()
    {
        int size = NetGen.Kernels.Layout.PanelWidth<float>(), next = 3, batch = 2;
        var error = Assert.Throws<ArgumentException>(() => Dense.BackwardFromNarrowLayer<float>(
            new float[batch * next], new float[size * next], new float[batch * size], new float[size * next], new float[size],
            new float[batch * size], batch, new float[next * size], new float[batch * size], batch, size, next, Activation.GELU));
        Assert.Contains("GELU", error.Message);
    }

    [Fact]
    public void A_short_span_is_refused_with_the_expected_size()
    {
        int size = NetGen.Kernels.Layout.PanelWidth<float>(), next = 10, batch = 4;
        var error = Assert.Throws<ArgumentException>(() => Dense.BackwardFromNarrowLayer<float>(
            new float[batch * next], new float[size * next - 1], new float[batch * size], new float[size * next], new float[size],
            new float[batch * size], batch, new float[next * size], new float[batch * size], batch, size, next, Activation.ReLU));
        Assert.Contains($"expected {size * next}", error.Message);
        Assert.Equal("weights", error.ParamName);
    }

    private static void Check<T>(Activation activation, double argument, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new SeededRandom(11);
        int width = NetGen.Kernels.Layout.PanelWidth<T>();
        foreach (int size in new[] { width, 2 * width })
        foreach (int next in new[] { 1, 3, 10, 12, 13, 20 })
        foreach (int batch in new[] { 1, 2, 7, 64, 129 })
        {
            int panelRows = batch + 3;
            T[] Draw(int count, bool activations = false)
            {
                var values = new T[count];
                for (int k = 0; k < count; k++)
                {
                    double x = random.NextNormal();
                    // Outputs of the activation: some at zero, where ReLU's derivative is zero, the rest in (-1, 1).
                    values[k] = T.CreateChecked(activations ? (x < -0.5 ? 0 : Math.Tanh(x)) : x);
                }
                return values;
            }
            T[] dz = Draw(batch * next), weights = Draw(size * next), outputs = Draw(batch * size, activations: true);
            var weightGradient = new T[size * next];
            var biasGradient = new T[size];
            var panels = new T[panelRows * size];
            Array.Fill(panels, T.NaN);
            Array.Fill(weightGradient, T.NaN);
            Array.Fill(biasGradient, T.NaN);

            Dense.BackwardFromNarrowLayer<T>(dz, weights, outputs, weightGradient, biasGradient, panels, panelRows,
                new T[next * size], new T[batch * size], batch, size, next, activation, T.CreateChecked(argument));

            string what = $"{typeof(T).Name}, {activation}, size {size}, {next} outputs above, batch {batch}";
            var bias = new double[size];
            var biasScale = new double[size];
            for (int s = 0; s < batch; s++)
            {
                for (int j = 0; j < size; j++)
                {
                    (double sum, double scale) = Dot(dz, s * next, 1, weights, j * next, 1, next);
                    double y = double.CreateChecked(outputs[s * size + j]);
                    double derivative = Derivative(activation, argument, y);
                    double expected = sum * derivative;
                    double actual = double.CreateChecked(panels[(j / width) * panelRows * width + s * width + j % width]);
                    Assert.True(Math.Abs(actual - expected) <= tolerance * (1 + scale * Math.Abs(derivative)),
                        $"{what}: d[{s}, {j}] = {actual}, expected {expected}");
                    bias[j] += expected;
                    biasScale[j] += Math.Abs(expected);
                }
            }
            for (int j = 0; j < size; j++)
                Assert.True(Math.Abs(double.CreateChecked(biasGradient[j]) - bias[j]) <= tolerance * (1 + biasScale[j]),
                    $"{what}: db[{j}] = {biasGradient[j]}, expected {bias[j]}");
            for (int j = 0; j < size; j++)
            {
                for (int o = 0; o < next; o++)
                {
                    (double expected, double scale) = Dot(outputs, j, size, dz, o, next, batch);
                    double actual = double.CreateChecked(weightGradient[j * next + o]);
                    Assert.True(Math.Abs(actual - expected) <= tolerance * (1 + scale), $"{what}: dW[{j}, {o}] = {actual}, expected {expected}");
                }
            }
            // The panels' rows past the batch are not the kernel's.
            for (int p = 0; p < size / width; p++)
                for (int s = batch; s < panelRows; s++)
                    for (int c = 0; c < width; c++)
                        Assert.True(T.IsNaN(panels[p * panelRows * width + s * width + c]), $"{what}: panel {p}, row {s} was written");
        }
    }

    /// <summary>Σₖ a[aFrom + k·aStep]·b[bFrom + k·bStep] for k &lt; count in double, and the sum of its terms' magnitudes.</summary>
    private static (double Sum, double Scale) Dot<T>(T[] a, int aFrom, int aStep, T[] b, int bFrom, int bStep, int count)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = 0, scale = 0;
        for (int k = 0; k < count; k++)
        {
            double term = double.CreateChecked(a[aFrom + k * aStep]) * double.CreateChecked(b[bFrom + k * bStep]);
            sum += term;
            scale += Math.Abs(term);
        }
        return (sum, scale);
    }

    /// <summary>f′ from the output y, by its formula.</summary>
    private static double Derivative(Activation activation, double argument, double y) => activation switch
    {
        Activation.ReLU => y > 0 ? 1 : 0,
        Activation.LeakyReLU => y > 0 ? 1 : argument,
        Activation.Tanh => 1 - y * y,
        Activation.Sigmoid => y * (1 - y),
        Activation.Identity => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
