using System;
using System.Collections.Generic;
using System.Numerics;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Plotting;

/// <summary>
/// The plot that <see cref="Plots.SaveDecisionRegions{T}"/> saves: a bitmap of the classified grid
/// stretched over the plotted area, and the samples on top. Owns the bitmap, so dispose it after rendering.
/// </summary>
internal sealed class DecisionRegionChart : IDisposable
{
    /// <summary>The fraction of the data's width (height) left free on each side.</summary>
    public const double MarginFraction = 0.1;

    private static readonly ScottPlot.Color PointOutline = ScottPlot.Color.FromHex("#202020");

    private readonly SKBitmap _bitmap;
    private readonly Image _image;

    private DecisionRegionChart(Plot plot, SKBitmap bitmap, Image image) => (Plot, _bitmap, _image) = (plot, bitmap, image);

    /// <summary>The plot, ready to render.</summary>
    public Plot Plot { get; }

    /// <summary>Classifies the grid and lays out the plot; the arguments are checked already.</summary>
    public static DecisionRegionChart Build<T>(INetwork<T> network, Dataset<T> data, int resolution, string? title)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        RegionGrid grid = RegionGrid.Classify(network, data, resolution, MarginFraction);
        SKBitmap bitmap = Paint(grid);
        var image = new Image(bitmap);
        var plot = new Plot();

        var regions = plot.Add.ImageRect(image, new CoordinateRect(grid.Left, grid.Right, grid.Bottom, grid.Top));
        // Nearest-neighbour scaling: each cell keeps its class's exact colour, and the boundary stays sharp.
        regions.AntiAlias = false;
        AddSamples(plot, data);

        plot.Axes.SetLimits(grid.Left, grid.Right, grid.Bottom, grid.Top);
        plot.XLabel("feature 0");
        plot.YLabel("feature 1");
        if (title is not null)
            plot.Title(title);
        // Outside the data area, where it hides no region.
        plot.ShowLegend(Edge.Right);
        PlotFont.Apply(plot);
        return new DecisionRegionChart(plot, bitmap, image);
    }

    private static SKBitmap Paint(RegionGrid grid)
    {
        int rows = grid.Classes.GetLength(0), columns = grid.Classes.GetLength(1);
        var bitmap = new SKBitmap(columns, rows, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                System.Drawing.Color region = Plots.ColorOfClass(grid.Classes[row, column]).Region;
                bitmap.SetPixel(column, row, new SKColor(region.R, region.G, region.B));
            }
        }
        return bitmap;
    }

    // One scatter per class, in label order, so that the legend lists the classes in order.
    private static void AddSamples<T>(Plot plot, Dataset<T> data)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var byClass = new SortedDictionary<int, (List<double> X, List<double> Y)>();
        for (int i = 0; i < data.Count; i++)
        {
            int label = data.Labels![i];
            if (!byClass.TryGetValue(label, out var points))
                byClass[label] = points = ([], []);
            points.X.Add(double.CreateChecked(data.Features[2 * i]));
            points.Y.Add(double.CreateChecked(data.Features[2 * i + 1]));
        }
        foreach (var (label, points) in byClass)
        {
            var samples = plot.Add.ScatterPoints(points.X.ToArray(), points.Y.ToArray());
            samples.MarkerShape = MarkerShape.FilledCircle;
            samples.MarkerSize = 9;
            samples.MarkerFillColor = Plots.ToScottPlot(Plots.ColorOfClass(label).Point);
            samples.MarkerStyle.OutlineColor = PointOutline;
            samples.MarkerStyle.OutlineWidth = 1.5f;
            samples.LegendText = $"class {label}";
        }
    }

    public void Dispose()
    {
        Plot.Dispose();
        _image.Dispose();
        _bitmap.Dispose();
    }
}
