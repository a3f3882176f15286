using System;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Trainer;

/// <summary>
/// A label outside the network's classes (0 to OutputSize − 1 for SpiralNet's three outputs) is an
/// ArgumentException that names the bad label's index in the data set and the valid range, found
/// before any batch runs, so that a rejected Fit leaves the network as it was.
/// </summary>
public sealed class LabelRangeTests
{
    private const int BadIndex = 57;

    /// <summary>Sixty samples of SpiralNet's two features, labels 0 to 2 except at <see cref="BadIndex"/>.</summary>
    private static Dataset<float> WithLabelAt(int label)
    {
        var random = new SeededRandom(3);
        var features = new float[60 * SpiralNet.InputSize];
        for (int i = 0; i < features.Length; i++)
            features[i] = (float)random.NextDouble();
        var labels = new int[60];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = i % 3;
        labels[BadIndex] = label;
        return new Dataset<float>(features, SpiralNet.InputSize, labels);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Evaluate_rejects_a_label_out_of_range_naming_its_index(int label)
    {
        var error = Assert.Throws<ArgumentException>(() => NetGen.Trainer.Evaluate(new SpiralNet(1), WithLabelAt(label)));

        AssertNames(error, label, "data");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Fit_rejects_a_label_out_of_range_before_changing_a_parameter(int label)
    {
        var net = new SpiralNet(1);
        var before = new float[SpiralNet.ParameterCount];
        net.ExportParameters(before);

        // Batches of 10 in file order: the bad label sits in the sixth batch, after five updates would have run.
        var error = Assert.Throws<ArgumentException>(() =>
            NetGen.Trainer.Fit(net, WithLabelAt(label), new TrainingOptions { Epochs = 1, BatchSize = 10, Shuffle = false }));

        AssertNames(error, label, "data");
        var after = new float[SpiralNet.ParameterCount];
        net.ExportParameters(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Fit_rejects_a_label_out_of_range_in_the_validation_data()
    {
        var net = new SpiralNet(1);
        var before = new float[SpiralNet.ParameterCount];
        net.ExportParameters(before);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 10, Validation = WithLabelAt(7) };

        var error = Assert.Throws<ArgumentException>(() => NetGen.Trainer.Fit(net, WithLabelAt(0), options));

        AssertNames(error, 7, "options.Validation");
        var after = new float[SpiralNet.ParameterCount];
        net.ExportParameters(after);
        Assert.Equal(before, after);
    }

    private static void AssertNames(ArgumentException error, int label, string parameter)
    {
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"label {label} at index {BadIndex}", error.Message);
        Assert.Contains("expected 0 to 2", error.Message);
    }
}
