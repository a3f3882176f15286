using System;
using System.Numerics;

namespace NetGen.Plotting;

/// <summary>
/// The classes a network gives to the centres of a square grid of cells over a rectangle of the plane.
/// Row 0 is the top (largest y), as in an image.
/// </summary>
internal sealed class RegionGrid
{
    private RegionGrid(double left, double right, double bottom, double top, int[,] classes) =>
        (Left, Right, Bottom, Top, Classes) = (left, right, bottom, top, classes);

    public double Left { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double Top { get; }

    /// <summary>[row, column] → the class <see cref="INetwork{T}.Predict"/> gives to the cell's centre.</summary>
    public int[,] Classes { get; }

    /// <summary>
    /// Classifies <paramref name="resolution"/> × <paramref name="resolution"/> cells over the data's bounding box
    /// widened by <paramref name="marginFraction"/> of its width (height) on each side, so that no sample sits on the edge.
    /// </summary>
    public static RegionGrid Classify<T>(INetwork<T> network, Dataset<T> data, int resolution, double marginFraction)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (left, right) = Widen(Range(data, 0), marginFraction);
        var (bottom, top) = Widen(Range(data, 1), marginFraction);
        var classes = new int[resolution, resolution];
        Span<T> point = stackalloc T[2];
        double cellWidth = (right - left) / resolution, cellHeight = (top - bottom) / resolution;
        for (int row = 0; row < resolution; row++)
        {
            point[1] = T.CreateChecked(top - (row + 0.5) * cellHeight);
            for (int column = 0; column < resolution; column++)
            {
                point[0] = T.CreateChecked(left + (column + 0.5) * cellWidth);
                classes[row, column] = network.Predict(point);
            }
        }
        return new RegionGrid(left, right, bottom, top, classes);
    }

    private static (double Min, double Max) Range<T>(Dataset<T> data, int feature)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < data.Count; i++)
        {
            double value = double.CreateChecked(data.Features[i * 2 + feature]);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        return (min, max);
    }

    // A data set whose samples share one coordinate still needs an area to draw: one unit around it.
    private static (double Min, double Max) Widen((double Min, double Max) range, double fraction)
    {
        double margin = range.Max > range.Min ? fraction * (range.Max - range.Min) : 0.5;
        return (range.Min - margin, range.Max + margin);
    }
}
