using System;
using Xunit;

namespace NetGen.Tests.Description;

/// <summary>A description built by hand: placement by the layers before, and layer names PyTorch could not take.</summary>
public sealed class NetworkDescriptionTests
{
    private static readonly OptimizerDescription Sgd = new(OptimizerKind.Sgd, 0.1);

    [Fact]
    public void Layers_are_placed_after_the_ones_before()
    {
        var description = new NetworkDescription(Precision.Single, Loss.MeanSquaredError, 3,
            [new LayerDescription(5, Activation.Tanh), new LayerDescription(2, Activation.Identity)], Sgd);

        Assert.Equal(3, description.Layers[0].InputSize);
        Assert.Equal(5, description.Layers[1].InputSize);
        Assert.Equal(0, description.Layers[0].ParameterOffset);
        Assert.Equal(3 * 5 + 5, description.Layers[1].ParameterOffset);
        Assert.Equal(3 * 5 + 5 + 5 * 2 + 2, description.ParameterCount);
        Assert.Equal(2, description.OutputSize);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"],
            [description.Layers[0].WeightName, description.Layers[0].BiasName, description.Layers[1].WeightName, description.Layers[1].BiasName]);
    }

    [Fact]
    public void It_reads_as_the_pytorch_modules_it_stands_for()
    {
        var description = new NetworkDescription(Precision.Double, Loss.CrossEntropy, 2,
            [new LayerDescription(4, Activation.LeakyReLU) { NegativeSlope = 0.2, Dropout = 0.25 }, new LayerDescription(3, Activation.Softmax)],
            new OptimizerDescription(OptimizerKind.Adam, 0.001));

        Assert.Equal("Linear(2, 4), LeakyReLU(negative_slope=0.2), Dropout(p=0.25)", description.Layers[0].ToString());
        Assert.Equal("2-4-3 LeakyReLU/Softmax, CrossEntropy, Adam(lr=0.001, betas=(0.9, 0.999), eps=1E-08, weight_decay=0, amsgrad=False), double",
            description.ToString());
    }

    [Theory]
    [InlineData("lin_1", null, "1 of 2 layers are named")]
    [InlineData("", "out", "cannot name a PyTorch module")]
    [InlineData("body.lin", "out", "cannot name a PyTorch module")]
    [InlineData("lin", "lin", "Two layers are named 'lin'")]
    public void Layer_names_pytorch_cannot_take_are_refused(string? first, string? second, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new NetworkDescription(Precision.Single, Loss.MeanSquaredError, 2,
            [new LayerDescription(4, Activation.ReLU) { Name = first }, new LayerDescription(1, Activation.Identity) { Name = second }], Sgd));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_layer_without_outputs_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new NetworkDescription(Precision.Single, Loss.MeanSquaredError, 2,
            [new LayerDescription(0, Activation.ReLU)], Sgd));
        Assert.Contains("Layer 1 has 0 outputs", error.Message);
    }

    [Fact]
    public void Parameters_past_an_array_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new NetworkDescription(Precision.Single, Loss.MeanSquaredError, 65536,
            [new LayerDescription(65536, Activation.ReLU)], Sgd));
        Assert.Contains("more than an array holds", error.Message);
    }
}
