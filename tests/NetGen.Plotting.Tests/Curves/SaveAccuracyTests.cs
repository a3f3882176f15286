using System;
using System.IO;
using Xunit;

namespace NetGen.Plotting.Tests;

public class SaveAccuracyTests
{
    [Fact]
    public void Writes_a_png_of_the_requested_size()
    {
        using var folder = new TempFolder();
        string path = folder.File("accuracy.png");

        Plots.SaveAccuracy(Histories.Xor(), path, width: 500, height: 300);

        using var png = Png.Load(path);
        Assert.Equal((500, 300), (png.Width, png.Height));
    }

    [Fact]
    public void Marks_each_epochs_accuracy_in_its_colour()
    {
        TrainingHistory history = Histories.XorWithValidation(epochs: 8);
        using var folder = new TempFolder();
        string path = folder.File("accuracy.png");
        const int width = 800, height = 500;

        Plots.SaveAccuracy(history, path, width, height);

        using var png = Png.Load(path);
        using var plot = HistoryChart.Build(HistoryChart.Epochs(history), history.Accuracy, history.ValidationAccuracy,
            "accuracy", yLimits: (-0.02, 1.02), ScottPlot.Alignment.LowerRight, title: null);
        // XOR is validated on itself, so the two curves coincide and validation, drawn last, is on top.
        double[] accuracy = history.ValidationAccuracy;
        for (int epoch = 1; epoch <= accuracy.Length; epoch++)
        {
            var (x, y) = PlotLayout.PixelOf(plot, width, height, epoch, accuracy[epoch - 1]);
            png.AssertColor(x, y, Plots.ValidationColor, $"marker of epoch {epoch}, validation accuracy {accuracy[epoch - 1]}");
        }
        Assert.True(png.Count(Plots.TrainingColor) > 0, "the training curve (or its legend entry) is missing");
    }

    [Fact]
    public void Rejects_a_history_without_accuracy()
    {
        using var folder = new TempFolder();
        string path = folder.File("accuracy.png");

        var error = Assert.Throws<ArgumentException>(() => Plots.SaveAccuracy(Histories.Regression(), path));

        Assert.Contains("no accuracy", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Rejects_an_empty_history()
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => Plots.SaveAccuracy(new TrainingHistory(), folder.File("accuracy.png")));
    }

    [Fact]
    public void Loss_of_a_history_without_accuracy_still_plots()
    {
        using var folder = new TempFolder();
        string path = folder.File("loss.png");

        Plots.SaveLoss(Histories.Regression(), path);

        using var png = Png.Load(path);
        Assert.True(png.Count(Plots.TrainingColor) > 50);
    }
}
