using System;
using System.Collections.Generic;
using ScottPlot;

namespace NetGen.Plotting;

/// <summary>
/// One measure of a <see cref="TrainingHistory"/> (loss or accuracy) against the epoch: the training
/// curve and, where the history has it, the validation curve, each a line with a marker per epoch.
/// </summary>
internal static class HistoryChart
{
    /// <summary>Builds the plot; the caller renders and disposes it.</summary>
    /// <param name="epochs">The epoch numbers, one per report.</param>
    /// <param name="training">The training values; NaN where absent.</param>
    /// <param name="validation">The validation values; NaN where absent, so all-NaN draws no validation curve.</param>
    /// <param name="measure">The y axis label.</param>
    /// <param name="yLimits">Fixed y limits, or null to fit the data.</param>
    /// <param name="legendCorner">Where the legend goes: a corner the curves usually leave empty.</param>
    /// <param name="title">A title above the plot, or null for none.</param>
    public static Plot Build(double[] epochs, double[] training, double[] validation, string measure,
        (double Bottom, double Top)? yLimits, Alignment legendCorner, string? title)
    {
        var plot = new Plot();
        AddCurve(plot, epochs, training, Plots.TrainingColor, "training");
        AddCurve(plot, epochs, validation, Plots.ValidationColor, "validation");

        plot.XLabel("epoch");
        plot.YLabel(measure);
        if (title is not null)
            plot.Title(title);
        // A tick at epoch 2.5 would suggest a measurement that was never made.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (yLimits is { } limits)
        {
            plot.Axes.AutoScaleX();
            plot.Axes.SetLimitsY(limits.Bottom, limits.Top);
        }
        plot.ShowLegend(legendCorner);
        PlotFont.Apply(plot);
        return plot;
    }

    // Only finite values: a history's NaN means "not measured", and a line must not pass through it.
    private static void AddCurve(Plot plot, double[] epochs, double[] values, System.Drawing.Color color, string label)
    {
        var xs = new List<double>(values.Length);
        var ys = new List<double>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                xs.Add(epochs[i]);
                ys.Add(values[i]);
            }
        }
        if (xs.Count == 0)
            return;
        var curve = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), Plots.ToScottPlot(color));
        curve.LineWidth = 2;
        curve.MarkerSize = 6;
        curve.LegendText = label;
    }

    /// <summary>The epoch numbers of <paramref name="history"/>'s reports.</summary>
    public static double[] Epochs(TrainingHistory history)
    {
        var epochs = new double[history.Epochs.Count];
        for (int i = 0; i < epochs.Length; i++)
            epochs[i] = history.Epochs[i].Epoch;
        return epochs;
    }

    /// <summary>Throws unless <paramref name="history"/> has at least one epoch.</summary>
    public static void CheckNotEmpty(TrainingHistory history, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(history, parameterName);
        if (history.Epochs.Count == 0)
            throw new ArgumentException("The history holds 0 epochs: expected at least 1 to plot.", parameterName);
    }

    /// <summary>True when at least one value is a number.</summary>
    public static bool AnyMeasured(double[] values) => Array.Exists(values, double.IsFinite);
}
