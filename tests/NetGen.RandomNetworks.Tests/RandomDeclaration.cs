using System;
using System.Globalization;
using System.Linq;
using NetGen.Tests.Support;

namespace NetGen.RandomNetworks.Tests;

/// <summary>A network drawn at random: its shape as the reference sees it, and the declaration that says the same in attributes.</summary>
public sealed record RandomDeclaration(string Name, Architecture Architecture, bool IsDouble, string Optimizer, double LearningRate)
{
    private static readonly Activation[] Hidden = [Activation.Identity, Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.SiLU, Activation.GELUTanh, Activation.ELU, Activation.Softplus, Activation.GELU, Activation.Mish];

    /// <summary>
    /// Draws network <paramref name="index"/>: 1 to 4 layers, most of them 1 to 80 wide and some 100 to
    /// 300 (past the unrolled and register paths, into the product kernels), any loss with an output
    /// it accepts, float or double, and plain SGD, SGD with momentum or Adam; LeakyReLU layers with PyTorch's slope or one of their own.
    /// </summary>
    public static RandomDeclaration Draw(Random random, int index)
    {
        int Size() => random.Next(8) == 0 ? random.Next(100, 301) : random.Next(1, 81);
        var loss = (Loss)random.Next(3);
        int layerCount = random.Next(1, 5);
        var layers = new LayerShape[layerCount];
        for (int l = 0; l < layerCount - 1; l++)
        {
            Activation activation = Hidden[random.Next(Hidden.Length)];
            // Half the LeakyReLU layers declare a slope of their own, from 0 (a ReLU) to 0.5.
            double slope = activation == Activation.LeakyReLU && random.Next(2) == 0 ? Math.Round(random.NextDouble() * 0.5, 2) : 0.01;
            layers[l] = new LayerShape(Size(), activation, slope);
        }
        layers[^1] = loss switch
        {
            Loss.CrossEntropy => new LayerShape(random.Next(2, 12), Activation.Softmax),
            Loss.BinaryCrossEntropy => new LayerShape(random.Next(1, 6), Activation.Sigmoid),
            _ => new LayerShape(random.Next(1, 12), random.Next(5) == 0 ? Activation.Softmax : Hidden[random.Next(Hidden.Length)]),
        };
        var architecture = new Architecture(loss, Size(), layers);
        double learningRate = Math.Round(0.001 + random.NextDouble() * 0.1, 4);
        string optimizer = random.Next(3) switch
        {
            0 => $"Sgd({Text(learningRate)})",
            1 => $"Sgd({Text(learningRate)}, Momentum = 0.9)",
            _ => $"Adam({Text(learningRate)})",
        };
        return new RandomDeclaration($"RandomNet{index}", architecture, random.Next(2) == 0, optimizer, learningRate);
    }

    public bool IsAdam => Optimizer.StartsWith("Adam", StringComparison.Ordinal);

    public string Source =>
        $"[NetGen.Network(NetGen.Loss.{Architecture.Loss}{(IsDouble ? ", Precision = NetGen.Precision.Double" : "")})]\n"
        + $"[NetGen.Input({Architecture.InputSize})]\n"
        + string.Concat(Architecture.Layers.Select(l => $"[NetGen.Dense({l.Size}, NetGen.Activation.{l.Activation}{Slope(l)})]\n"))
        + $"[NetGen.{Optimizer}]\n"
        + $"public partial class {Name};\n";

    public override string ToString() => $"{Name}: {Architecture}, {(IsDouble ? "double" : "float")}, {Optimizer}";

    private static string Slope(LayerShape layer) =>
        layer.Activation == Activation.LeakyReLU && layer.NegativeSlope != 0.01 ? $", NegativeSlope = {Text(layer.NegativeSlope)}" : "";

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
