using System;
using System.IO;
using Xunit;

namespace NetGen.Plotting.Tests;

public class SaveDecisionRegionsTests
{
    private const int Width = 600, Height = 600;

    // Logits z0 = −x, z1 = x, z2 = y − 1.5: class 0 on the left, class 1 on the right, class 2 above
    // the wedge y > 1.5 + |x| at the top. PyTorch order: weight [out, in] row-major, then bias.
    private static readonly float[] WedgeWeights = [-1, 0, 1, 0, 0, 1, 0, 0, -1.5f];

    // Corners of [−2, 2]² and one sample in the wedge; the plot spans [−2.4, 2.4]².
    private static Dataset<float> WedgeData() =>
        new([-2, -2, 2, -2, -2, 2, 2, 2, 0, 2], 2, [0, 1, 0, 1, 2]);

    private static LinearClassifier WedgeClassifier()
    {
        var network = new LinearClassifier();
        network.ImportParameters(WedgeWeights);
        return network;
    }

    [Fact]
    public void Writes_a_png_of_the_requested_size()
    {
        using var folder = new TempFolder();
        string path = folder.File("regions.png");

        Plots.SaveDecisionRegions(WedgeClassifier(), WedgeData(), path, width: 480, height: 360, resolution: 50);

        using var png = Png.Load(path);
        Assert.Equal((480, 360), (png.Width, png.Height));
    }

    [Theory]
    [InlineData(-1.2, -1.0, 0)]
    [InlineData(-1.8, 0.5, 0)]
    [InlineData(1.2, -1.0, 1)]
    [InlineData(1.8, 0.5, 1)]
    [InlineData(0.3, 2.3, 2)]
    [InlineData(-0.3, 2.3, 2)]
    public void Fills_each_region_with_its_class_colour(double x, double y, int expectedClass)
    {
        using var folder = new TempFolder();
        string path = folder.File("regions.png");
        LinearClassifier network = WedgeClassifier();
        Dataset<float> data = WedgeData();

        Plots.SaveDecisionRegions(network, data, path, Width, Height);

        using var png = Png.Load(path);
        var (px, py) = PixelOf(network, data, x, y);
        png.AssertColor(px, py, Plots.ClassColors[expectedClass].Region, $"region at ({x}, {y})");
    }

    [Fact]
    public void Follows_the_boundary_across_the_plot()
    {
        // Along y = −1 the boundary is x = 0: every cell left of it is class 0's, every cell right of it class 1's.
        using var folder = new TempFolder();
        string path = folder.File("regions.png");
        LinearClassifier network = WedgeClassifier();
        Dataset<float> data = WedgeData();

        Plots.SaveDecisionRegions(network, data, path, Width, Height, resolution: 200);

        using var png = Png.Load(path);
        for (double x = -2.3; x <= 2.3; x += 0.1)
        {
            if (Math.Abs(x) < 0.1)
                continue; // the cell that straddles the boundary may go either way
            var (px, py) = PixelOf(network, data, x, -1);
            png.AssertColor(px, py, Plots.ClassColors[x < 0 ? 0 : 1].Region, $"region at ({x:F1}, -1)");
        }
    }

    [Fact]
    public void Draws_each_sample_in_its_class_point_colour()
    {
        using var folder = new TempFolder();
        string path = folder.File("regions.png");
        LinearClassifier network = WedgeClassifier();
        Dataset<float> data = WedgeData();

        Plots.SaveDecisionRegions(network, data, path, Width, Height);

        using var png = Png.Load(path);
        for (int i = 0; i < data.Count; i++)
        {
            double x = data.Features[2 * i], y = data.Features[2 * i + 1];
            var (px, py) = PixelOf(network, data, x, y);
            png.AssertColor(px, py, Plots.ClassColors[data.Labels![i]].Point, $"sample {i} at ({x}, {y})", tolerance: 4);
        }
    }

    [Fact]
    public void Colours_a_sample_by_its_label_even_where_the_network_disagrees()
    {
        // The sample at (−1, −1) is labelled 1 but sits in class 0's region.
        var data = new Dataset<float>([-2, -2, 2, 2, -1, -1], 2, [0, 1, 1]);
        LinearClassifier network = WedgeClassifier();
        using var folder = new TempFolder();
        string path = folder.File("regions.png");

        Plots.SaveDecisionRegions(network, data, path, Width, Height);

        using var png = Png.Load(path);
        var (px, py) = PixelOf(network, data, -1, -1);
        png.AssertColor(px, py, Plots.ClassColors[1].Point, "the misclassified sample", tolerance: 4);
        var (rx, ry) = PixelOf(network, data, -1, -0.5);
        png.AssertColor(rx, ry, Plots.ClassColors[0].Region, "the region around it");
    }

    [Fact]
    public void Shows_a_single_output_network_as_two_classes()
    {
        // sigmoid(4x) > 0.5 exactly when x > 0.
        var network = new LogisticClassifier();
        network.ImportParameters([4f, 0f, 0f]);
        var data = new Dataset<float>([-1, -1, 1, 1], 2, [0, 1]);
        using var folder = new TempFolder();
        string path = folder.File("logistic.png");

        Plots.SaveDecisionRegions(network, data, path, Width, Height);

        using var png = Png.Load(path);
        var (lx, ly) = PixelOf(network, data, -0.6, 0.6);
        var (rx, ry) = PixelOf(network, data, 0.6, -0.6);
        png.AssertColor(lx, ly, Plots.ClassColors[0].Region, "left of the boundary");
        png.AssertColor(rx, ry, Plots.ClassColors[1].Region, "right of the boundary");
    }

    [Fact]
    public void Works_in_double_precision()
    {
        var network = new LinearClassifierDouble();
        network.ImportParameters([-1, 0, 1, 0, 0, 1, 0, 0, -1.5]);
        var data = new Dataset<double>([-2, -2, 2, -2, -2, 2, 2, 2, 0, 2], 2, [0, 1, 0, 1, 2]);
        using var folder = new TempFolder();
        string path = folder.File("double.png");

        Plots.SaveDecisionRegions(network, data, path, Width, Height);

        using var png = Png.Load(path);
        using var chart = DecisionRegionChart.Build(network, data, 200, title: null);
        var (px, py) = PlotLayout.PixelOf(chart.Plot, Width, Height, 1.2, -1.0);
        png.AssertColor(px, py, Plots.ClassColors[1].Region, "class 1's region");
    }

    [Fact]
    public void Plots_a_trained_network_on_its_own_data()
    {
        var network = new XorNet(3);
        Dataset<float> data = Datasets.Xor<float>();
        Trainer.Fit(network, data, new TrainingOptions { Epochs = 300, BatchSize = 4 });
        using var folder = new TempFolder();
        string path = folder.File("xor.png");

        Plots.SaveDecisionRegions(network, data, path, Width, Height, resolution: 100);

        using var png = Png.Load(path);
        Assert.True(png.Count(Plots.ClassColors[0].Region) > 1000, "class 0's region is missing");
        Assert.True(png.Count(Plots.ClassColors[1].Region) > 1000, "class 1's region is missing");
    }

    [Fact]
    public void Rejects_a_network_without_two_inputs()
    {
        var data = new Dataset<float>([0, 0, 0, 1, 1, 1], 3, [0, 1]);
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() =>
            Plots.SaveDecisionRegions(new ThreeInputClassifier(), data, folder.File("regions.png")));

        Assert.Equal("network", error.ParamName);
        Assert.Contains("takes 3 inputs: expected 2", error.Message);
    }

    [Fact]
    public void Rejects_data_without_labels()
    {
        var data = new Dataset<float>([0, 0, 1, 1], 2, [0f, 1f], 1);
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() =>
            Plots.SaveDecisionRegions(WedgeClassifier(), data, folder.File("regions.png")));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("expected a labelled data set", error.Message);
    }

    [Fact]
    public void Rejects_data_without_two_features()
    {
        var data = new Dataset<float>([0, 0, 0, 1, 1, 1], 3, [0, 1]);
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() =>
            Plots.SaveDecisionRegions(WedgeClassifier(), data, folder.File("regions.png")));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("3 features a sample: expected 2", error.Message);
    }

    [Fact]
    public void Rejects_empty_data_and_features_that_are_not_finite()
    {
        using var folder = new TempFolder();
        string path = folder.File("regions.png");

        Assert.Throws<ArgumentException>(() =>
            Plots.SaveDecisionRegions(WedgeClassifier(), new Dataset<float>([], 2, []), path));
        var error = Assert.Throws<ArgumentException>(() =>
            Plots.SaveDecisionRegions(WedgeClassifier(), new Dataset<float>([0, 0, float.NaN, 1], 2, [0, 1]), path));
        Assert.Contains("Sample 1", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Rejects_a_resolution_below_one()
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Plots.SaveDecisionRegions(WedgeClassifier(), WedgeData(), folder.File("regions.png"), resolution: 0));
    }

    [Fact]
    public void Gives_samples_that_share_a_coordinate_room_around_them()
    {
        // All x equal: the plot still needs a width, one unit around the shared value.
        var data = new Dataset<float>([1, -1, 1, 1], 2, [0, 1]);
        using var folder = new TempFolder();
        string path = folder.File("regions.png");

        Plots.SaveDecisionRegions(WedgeClassifier(), data, path, Width, Height, resolution: 20);

        using var png = Png.Load(path);
        Assert.Equal((Width, Height), (png.Width, png.Height));
        Assert.True(png.Count(Plots.ClassColors[1].Region) > 1000, "class 1's region (x > 0) is missing");
    }

    private static (int X, int Y) PixelOf<T>(INetwork<T> network, Dataset<T> data, double x, double y)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        using var chart = DecisionRegionChart.Build(network, data, 200, title: null);
        return PlotLayout.PixelOf(chart.Plot, Width, Height, x, y);
    }
}
