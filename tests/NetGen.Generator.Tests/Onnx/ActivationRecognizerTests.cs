using System;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Onnx;
using Xunit;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// The function between two layers is named by its values: each of NetGen's activations, computed here with float
/// constants as an exporter writes them, is recognized, LeakyReLU with the slope written in PyTorch; functions that
/// are none of them (ELU of another alpha, SELU, HardSwish, a scaled ReLU) are not. The error function it evaluates
/// is checked against C's erf, as Python's math.erf gives it.
/// </summary>
public sealed class ActivationRecognizerTests
{
    [Theory]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1, 0.8427007929497149)]
    [InlineData(1.5, 0.9661051464753108)]
    [InlineData(2, 0.9953222650189527)]
    [InlineData(2.9, 0.9999589021219005)]
    [InlineData(3, 0.9999779095030014)]
    [InlineData(3.5, 0.9999992569016276)]
    [InlineData(4.2, 0.9999999971445058)]
    [InlineData(5, 0.9999999999984626)]
    [InlineData(-0.75, -0.7111556336535151)]
    [InlineData(-3.2, -0.9999939742388483)]
    public void Erf_is_within_a_few_ulps_of_cs_erf(double x, double expected) =>
        Assert.Equal(expected, ElementwiseOperators.Erf(x), 1e-15);

    public static TheoryData<string, string> Spelt() => new()
    {
        // As torch.onnx.export writes each before opset 20, with its constants rounded to float.
        { "identity", "Identity" },
        { "relu", "ReLU" },
        { "sigmoid", "Sigmoid" },
        { "tanh", "Tanh" },
        { "elu", "ELU" },
        { "softplus", "Softplus" },
        { "gelu", "GELU" },
        { "gelu_tanh", "GELUTanh" },
        { "silu", "SiLU" },
        { "mish", "Mish" },
    };

    [Theory]
    [MemberData(nameof(Spelt))]
    public void Each_activation_as_an_exporter_spells_it_is_recognized(string spelling, string expected)
    {
        Func<double, double> function = spelling switch
        {
            "identity" => x => x,
            "relu" => x => Math.Max(0, x),
            "sigmoid" => x => 1 / (1 + Math.Exp(-x)),
            "tanh" => Math.Tanh,
            "elu" => x => x > 0 ? x : 1f * (Math.Exp(x) - 1),
            "softplus" => x => Math.Log(Math.Exp(x) + 1),
            // Div by √2 as a float, Erf, Add 1, Mul by x, Mul by 0.5.
            "gelu" => x => x * (1 + ElementwiseOperators.Erf(x / (double)1.4142135f)) * 0.5f,
            // x·x·x, Mul 0.044715f, Add x, Mul √(2/π) as a float, Tanh, Add 1, Mul x, Mul 0.5.
            "gelu_tanh" => x => 0.5f * (x * (1f + Math.Tanh((double)0.7978846f * (x + (double)0.044715f * (x * (x * x)))))),
            "silu" => x => x * (1 / (1 + Math.Exp(-x))),
            _ => x => x * Math.Tanh(Math.Log(1 + Math.Exp(x))),
        };

        var recognized = ActivationRecognizer.Recognize(Values(function));

        Assert.Equal(expected, recognized?.Kind.ToString());
    }

    [Theory]
    [InlineData(0.2f, 0.2)]
    [InlineData(0.01f, 0.01)]
    [InlineData(0.333f, 0.333)]
    public void LeakyReLU_takes_the_slope_written_in_pytorch_from_its_float_attribute(float attribute, double written)
    {
        var recognized = ActivationRecognizer.Recognize(Values(x => x < 0 ? attribute * x : x));

        Assert.Equal(ActivationKind.LeakyReLU, recognized?.Kind);
        Assert.Equal(written, recognized?.Argument);
    }

    [Theory]
    [InlineData("elu_alpha_0.5")]
    [InlineData("selu")]
    [InlineData("hardswish")]
    [InlineData("twice_relu")]
    [InlineData("gelu_sqrt2_off_by_1e-4")]
    [InlineData("negative_slope")]
    public void A_function_that_is_none_of_the_activations_is_not_recognized(string function)
    {
        Func<double, double> f = function switch
        {
            "elu_alpha_0.5" => x => x > 0 ? x : 0.5 * (Math.Exp(x) - 1),
            "selu" => x => 1.0507 * (x > 0 ? x : 1.67326 * (Math.Exp(x) - 1)),
            "hardswish" => x => x * Math.Max(0, Math.Min(1, x / 6 + 0.5)),
            "twice_relu" => x => 2 * Math.Max(0, x),
            "gelu_sqrt2_off_by_1e-4" => x => 0.5 * x * (1 + ElementwiseOperators.Erf(x / 1.4143)),
            _ => x => x < 0 ? -0.5 * x : x,
        };

        Assert.Null(ActivationRecognizer.Recognize(Values(f)));
    }

    private static double[] Values(Func<double, double> function) => [.. ActivationRecognizer.Probes.Select(function)];
}
