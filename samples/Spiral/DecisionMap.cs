using System;
using NetGen;

namespace Spiral;

/// <summary>Draws a two-input classifier's decision regions as characters, with the data on top.</summary>
internal static class DecisionMap
{
    private const int Columns = 64;
    private const int Rows = 28;
    private const double Extent = 1.05;
    private static readonly char[] RegionMarks = ['.', '-', '~', ':', '='];
    private static readonly char[] PointMarks = ['o', 'x', '#', '@', '%'];

    public static void Print(INetwork<float> net, Dataset<float> data)
    {
        var canvas = new char[Rows, Columns];
        Span<float> point = stackalloc float[2];
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                point[0] = (float)ToX(column);
                point[1] = (float)ToY(row);
                canvas[row, column] = RegionMarks[net.Predict(point) % RegionMarks.Length];
            }
        }
        for (int sample = 0; sample < data.Count; sample++)
        {
            ReadOnlySpan<float> features = data.FeaturesOf(sample);
            int column = (int)Math.Round((features[0] + Extent) / (2 * Extent) * (Columns - 1));
            int row = (int)Math.Round((Extent - features[1]) / (2 * Extent) * (Rows - 1));
            canvas[row, column] = PointMarks[data.Labels![sample] % PointMarks.Length];
        }

        Console.WriteLine($"Decision regions over [-{Extent}, {Extent}]²: class 0 '{RegionMarks[0]}', 1 '{RegionMarks[1]}', 2 '{RegionMarks[2]}'; "
            + $"training points '{PointMarks[0]}', '{PointMarks[1]}', '{PointMarks[2]}'.");
        var line = new char[Columns];
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
                line[column] = canvas[row, column];
            Console.WriteLine(new string(line));
        }
    }

    private static double ToX(int column) => -Extent + 2 * Extent * column / (Columns - 1);

    private static double ToY(int row) => Extent - 2 * Extent * row / (Rows - 1);
}
