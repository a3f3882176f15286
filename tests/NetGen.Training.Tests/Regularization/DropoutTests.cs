using System;
using System.Linq;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Regularization;

public sealed class DropoutTests
{
    private const int Width = 2000;
    private const double Rate = 0.3;

    /// <summary>Every hidden unit outputs 1 and the output layer averages them: y = Σ h / Width.</summary>
    private static WideDropoutNet Averaging()
    {
        var net = new WideDropoutNet(seed: 3);
        var parameters = new double[WideDropoutNet.ParameterCount];
        parameters.AsSpan(0, Width).Fill(1.0);          // hidden weights [2000, 1]; hidden biases stay 0
        parameters.AsSpan(2 * Width, Width).Fill(1.0 / Width); // output weights [1, 2000]; output bias stays 0
        net.ImportParameters(parameters);
        return net;
    }

    [Fact]
    public void Forward_never_drops()
    {
        WideDropoutNet net = Averaging();
        var output = new double[1];

        net.Forward([1.0], output);

        Assert.Equal(1.0, output[0], 12);
    }

    [Fact]
    public void Training_drops_a_share_p_of_the_units_and_scales_the_rest_by_one_over_one_minus_p()
    {
        WideDropoutNet net = Averaging();
        var gradients = new double[WideDropoutNet.ParameterCount];

        // Target 0: dL/dy = 2y, and the output weights' gradient is 2y·h̃ with h̃ the dropped-out hidden outputs.
        double loss = net.ComputeGradients([1.0], [0.0]);
        net.ExportGradients(gradients);

        double y = Math.Sqrt(loss);
        double[] outputWeightGradients = gradients.AsSpan(2 * Width, Width).ToArray();
        int dropped = outputWeightGradients.Count(g => g == 0);
        Assert.InRange((double)dropped / Width, Rate - 0.04, Rate + 0.04);
        double kept = 2 * y / (1 - Rate);
        Assert.All(outputWeightGradients.Where(g => g != 0), g => Assert.Equal(kept, g, 10));
        // The kept units carry the whole signal: y = (Width − dropped)/(Width·(1 − p)).
        Assert.Equal((Width - dropped) / (Width * (1 - Rate)), y, 10);
        // Dropped units pass no gradient back to their own weights either.
        double[] hiddenWeightGradients = gradients.AsSpan(0, Width).ToArray();
        Assert.Equal(outputWeightGradients.Select(g => g == 0), hiddenWeightGradients.Select(g => g == 0));
    }

    [Fact]
    public void Dropout_after_a_layer_that_keeps_its_pre_activation_passes_the_derivative_at_that_pre_activation()
    {
        const int width = 200;
        const double pre = 0.5;
        var net = new SiLUDropoutNet(seed: 5);
        var parameters = new double[SiLUDropoutNet.ParameterCount];
        parameters.AsSpan(0, width).Fill(pre);                       // hidden weights [200, 1]; biases 0: every pre-activation is 0.5 at x = 1
        parameters.AsSpan(2 * width, width).Fill(1.0 / width);       // output weights [1, 200]; output bias 0
        net.ImportParameters(parameters);
        var gradients = new double[SiLUDropoutNet.ParameterCount];

        double loss = net.ComputeGradients([1.0], [0.0]);
        net.ExportGradients(gradients);

        // SiLU(x) = x·σ(x), SiLU′(x) = σ(x)·(1 + x·(1 − σ(x))), written out here from the formula.
        double sigma = 1 / (1 + Math.Exp(-pre));
        double silu = pre * sigma, derivative = sigma * (1 + pre * (1 - sigma));
        double y = Math.Sqrt(loss);
        double[] outputWeightGradients = gradients.AsSpan(2 * width, width).ToArray();
        double[] hiddenWeightGradients = gradients.AsSpan(0, width).ToArray();
        int kept = outputWeightGradients.Count(g => g != 0);
        Assert.InRange(kept, width / 2, width - 1);
        Assert.Equal(kept * silu / (1 - Rate) / width, y, 12);
        for (int j = 0; j < width; j++)
        {
            bool isKept = outputWeightGradients[j] != 0;
            Assert.Equal(isKept ? 2 * y * silu / (1 - Rate) : 0, outputWeightGradients[j], 12);
            // dL/dw = 2y · (1/width) · mask/(1 − p) · SiLU′(pre) · x, with x = 1.
            Assert.Equal(isKept ? 2 * y / width / (1 - Rate) * derivative : 0, hiddenWeightGradients[j], 12);
        }
    }

    [Fact]
    public void Masks_differ_between_steps_and_repeat_for_the_same_seed()
    {
        WideDropoutNet first = Averaging(), second = Averaging();

        double a1 = first.ComputeGradients([1.0], [0.0]);
        double a2 = first.ComputeGradients([1.0], [0.0]);
        double b1 = second.ComputeGradients([1.0], [0.0]);
        double b2 = second.ComputeGradients([1.0], [0.0]);

        Assert.NotEqual(a1, a2);
        Assert.Equal(a1, b1);
        Assert.Equal(a2, b2);
    }
}
