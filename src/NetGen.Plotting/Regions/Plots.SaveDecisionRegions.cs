using System;
using System.Numerics;

namespace NetGen.Plotting;

public static partial class Plots
{
    /// <summary>
    /// Saves as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels the decision regions
    /// of a two-input classifier over its data. The data's bounding box, widened by a tenth of its width
    /// and height on each side, is cut into <paramref name="resolution"/> × <paramref name="resolution"/>
    /// cells; each cell is filled with <c>ColorOfClass(network.Predict(centre)).Region</c>. The samples
    /// are drawn on top as circles in <c>ColorOfClass(label).Point</c> with a dark outline, with a legend
    /// of the classes right of the plot and the features on the axes.
    /// </summary>
    /// <param name="network">A classifier whose <see cref="INetwork{T}.InputSize"/> is 2.</param>
    /// <param name="data">Labelled samples of 2 features; at least one.</param>
    /// <param name="path">The PNG file to write (overwritten); its folder must exist.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <param name="resolution">The number of cells along each axis: the network runs resolution² times.</param>
    /// <param name="title">A title above the plot, or null for none.</param>
    /// <typeparam name="T">float or double, the network's precision.</typeparam>
    /// <exception cref="ArgumentException">
    /// The network does not take 2 inputs; the data has no labels, not 2 features, no samples, a feature that
    /// is not finite or a negative label; or a size or the resolution is below 1.
    /// </exception>
    /// <exception cref="System.IO.DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void SaveDecisionRegions<T>(INetwork<T> network, Dataset<T> data, string path,
        int width = 600, int height = 600, int resolution = 200, string? title = null)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckDecisionRegions(network, data, resolution);
        CheckImage(path, width, height);
        using var chart = DecisionRegionChart.Build(network, data, resolution, title);
        chart.Plot.SavePng(path, width, height);
    }

    internal static void CheckDecisionRegions<T>(INetwork<T> network, Dataset<T> data, int resolution)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (network.InputSize != 2)
            throw new ArgumentException(
                $"The network takes {network.InputSize} inputs: expected 2, one per axis of the plane.", nameof(network));
        if (data.Labels is null)
            throw new ArgumentException(
                $"The data set holds target rows of {data.TargetCount} values, not labels: expected a labelled data set.", nameof(data));
        if (data.FeatureCount != 2)
            throw new ArgumentException(
                $"The data set has {data.FeatureCount} features a sample: expected 2, one per axis of the plane.", nameof(data));
        if (data.Count == 0)
            throw new ArgumentException("The data set holds 0 samples: expected at least 1 to span the plot.", nameof(data));
        for (int i = 0; i < data.Count; i++)
        {
            if (!T.IsFinite(data.Features[2 * i]) || !T.IsFinite(data.Features[2 * i + 1]))
                throw new ArgumentException(
                    $"Sample {i} is ({data.Features[2 * i]}, {data.Features[2 * i + 1]}): expected finite features.", nameof(data));
            if (data.Labels[i] < 0)
                throw new ArgumentException($"Sample {i} has label {data.Labels[i]}: expected 0 or more.", nameof(data));
        }
        if (resolution < 1)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Expected a resolution of at least 1 cell along each axis.");
    }
}
