using System;
using ScottPlot;

namespace NetGen.Plotting.Tests;

/// <summary>
/// Where a data coordinate lands in a rendered image. The plots are deterministic, so the same plot
/// rendered at the same size by the test puts every coordinate where the saved file has it.
/// </summary>
public static class PlotLayout
{
    /// <summary>Renders <paramref name="plot"/> at the given size and returns the pixel of (x, y).</summary>
    public static (int X, int Y) PixelOf(Plot plot, int width, int height, double x, double y)
    {
        plot.RenderInMemory(width, height);
        Pixel pixel = plot.GetPixel(new Coordinates(x, y));
        return ((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
    }
}
