using System;
using System.IO;

namespace NetGen.Plotting;

/// <summary>
/// Saves plots of NetGen networks and their training as PNG files: loss and accuracy curves from a
/// <see cref="TrainingHistory"/>, and the decision regions of a two-input classifier.
/// Colours come from fixed palettes (<see cref="ClassColors"/>, <see cref="TrainingColor"/>,
/// <see cref="ValidationColor"/>), so the same inputs give the same picture.
/// </summary>
public static partial class Plots
{
    private static void CheckImage(string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, "Expected a width of at least 1 pixel.");
        if (height < 1)
            throw new ArgumentOutOfRangeException(nameof(height), height, "Expected a height of at least 1 pixel.");
        // ScottPlot's own error for a missing folder does not name the folder.
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Cannot save '{path}': the folder '{folder}' does not exist.");
    }
}
