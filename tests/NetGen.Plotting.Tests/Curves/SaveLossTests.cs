using System;
using System.IO;
using Xunit;

namespace NetGen.Plotting.Tests;

public class SaveLossTests
{
    [Fact]
    public void Writes_a_png_of_the_requested_size()
    {
        using var folder = new TempFolder();
        string path = folder.File("loss.png");

        Plots.SaveLoss(Histories.Xor(), path, width: 640, height: 360);

        using var png = Png.Load(path);
        Assert.Equal(640, png.Width);
        Assert.Equal(360, png.Height);
    }

    [Fact]
    public void Default_size_is_800_by_500()
    {
        using var folder = new TempFolder();
        string path = folder.File("loss.png");

        Plots.SaveLoss(Histories.Xor(), path);

        using var png = Png.Load(path);
        Assert.Equal((800, 500), (png.Width, png.Height));
    }

    [Fact]
    public void Marks_each_epochs_training_loss_in_the_training_colour()
    {
        TrainingHistory history = Histories.Xor(epochs: 6);
        using var folder = new TempFolder();
        string path = folder.File("loss.png");
        const int width = 800, height = 500;

        Plots.SaveLoss(history, path, width, height);

        using var png = Png.Load(path);
        using var plot = HistoryChart.Build(HistoryChart.Epochs(history), history.Loss, history.ValidationLoss,
            "loss", yLimits: null, ScottPlot.Alignment.UpperRight, title: null);
        double[] loss = history.Loss;
        for (int epoch = 1; epoch <= loss.Length; epoch++)
        {
            var (x, y) = PlotLayout.PixelOf(plot, width, height, epoch, loss[epoch - 1]);
            png.AssertColor(x, y, Plots.TrainingColor, $"marker of epoch {epoch}, loss {loss[epoch - 1]}");
        }
    }

    [Fact]
    public void Draws_validation_loss_only_when_the_history_has_it()
    {
        using var folder = new TempFolder();
        string without = folder.File("without.png"), with = folder.File("with.png");

        Plots.SaveLoss(Histories.Xor(), without);
        Plots.SaveLoss(Histories.XorWithValidation(), with);

        using var withoutPng = Png.Load(without);
        using var withPng = Png.Load(with);
        Assert.True(withoutPng.Count(Plots.TrainingColor) > 50, "the training curve is missing");
        Assert.Equal(0, withoutPng.Count(Plots.ValidationColor));
        Assert.True(withPng.Count(Plots.TrainingColor) > 50, "the training curve is missing beside validation");
        Assert.True(withPng.Count(Plots.ValidationColor) > 50, "the validation curve is missing");
    }

    [Fact]
    public void Same_history_gives_the_same_file_and_another_history_a_different_one()
    {
        using var folder = new TempFolder();
        string first = folder.File("first.png"), again = folder.File("again.png"), other = folder.File("other.png");
        TrainingHistory history = Histories.Xor(epochs: 5, seed: 1);

        Plots.SaveLoss(history, first);
        Plots.SaveLoss(history, again);
        Plots.SaveLoss(Histories.Xor(epochs: 5, seed: 2), other);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(again));
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(other));
    }

    [Fact]
    public void A_title_changes_the_picture()
    {
        using var folder = new TempFolder();
        string plain = folder.File("plain.png"), titled = folder.File("titled.png");
        TrainingHistory history = Histories.Xor();

        Plots.SaveLoss(history, plain);
        Plots.SaveLoss(history, titled, title: "XOR");

        Assert.NotEqual(File.ReadAllBytes(plain), File.ReadAllBytes(titled));
    }

    [Fact]
    public void Draws_text_for_the_tick_and_axis_labels()
    {
        // Text needs a font file under /usr/share/fonts; without one Skia leaves it out silently,
        // so below the plotted area, past the tick marks, there would be nothing but background.
        TrainingHistory history = Histories.Xor();
        using var folder = new TempFolder();
        string path = folder.File("loss.png");
        const int width = 800, height = 500;

        Plots.SaveLoss(history, path, width, height);

        using var png = Png.Load(path);
        using var plot = HistoryChart.Build(HistoryChart.Epochs(history), history.Loss, history.ValidationLoss,
            "loss", yLimits: null, ScottPlot.Alignment.UpperRight, title: null);
        plot.RenderInMemory(width, height);
        int below = (int)Math.Ceiling(plot.LastRender.DataRect.Bottom) + 8;
        int dark = 0;
        for (int y = below; y < height; y++)
            for (int x = 0; x < width; x++)
                if (png[x, y].GetBrightness() < 0.5f)
                    dark++;
        Assert.True(dark > 100,
            $"below the plot, rows {below} to {height}, are {dark} dark pixels: expected tick labels and 'epoch'. Is a font installed under /usr/share/fonts (Debian: fonts-dejavu-core)?");
    }

    [Fact]
    public void Rejects_an_empty_history()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() => Plots.SaveLoss(new TrainingHistory(), folder.File("loss.png")));

        Assert.Contains("expected at least 1", error.Message);
        Assert.False(File.Exists(folder.File("loss.png")));
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(800, -1)]
    public void Rejects_a_size_below_one_pixel(int width, int height)
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentOutOfRangeException>(() => Plots.SaveLoss(Histories.Xor(), folder.File("loss.png"), width, height));
    }

    [Fact]
    public void Names_a_missing_folder()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "missing");

        var error = Assert.Throws<DirectoryNotFoundException>(() => Plots.SaveLoss(Histories.Xor(), Path.Combine(missing, "loss.png")));

        Assert.Contains(missing, error.Message);
    }
}
