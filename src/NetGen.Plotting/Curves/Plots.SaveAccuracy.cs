namespace NetGen.Plotting;

public static partial class Plots
{
    /// <summary>
    /// Saves as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels the training accuracy
    /// of each epoch of <paramref name="history"/> (<see cref="TrainingHistory.Accuracy"/>, the fraction
    /// of samples classified right, in <see cref="TrainingColor"/>) and, when the history has it, the
    /// validation accuracy (<see cref="TrainingHistory.ValidationAccuracy"/>, in <see cref="ValidationColor"/>),
    /// against the epoch number, on a y axis from 0 to 1, with axis labels and a legend. Epochs without a value are skipped.
    /// </summary>
    /// <param name="history">What <see cref="Trainer.Fit{T}"/> returned for a classifier.</param>
    /// <param name="path">The PNG file to write (overwritten); its folder must exist.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <param name="title">A title above the plot, or null for none.</param>
    /// <exception cref="System.ArgumentException">
    /// The history has no epochs or no accuracy (a network trained on targets rather than labels), or a size is below 1.
    /// </exception>
    /// <exception cref="System.IO.DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void SaveAccuracy(TrainingHistory history, string path, int width = 800, int height = 500, string? title = null)
    {
        HistoryChart.CheckNotEmpty(history, nameof(history));
        double[] training = history.Accuracy, validation = history.ValidationAccuracy;
        if (!HistoryChart.AnyMeasured(training) && !HistoryChart.AnyMeasured(validation))
            throw new System.ArgumentException(
                $"The history's {history.Epochs.Count} epochs have no accuracy: expected a network trained on labelled data.", nameof(history));
        CheckImage(path, width, height);
        // A little room past 0 and 1 so that a curve at perfect accuracy is not hidden by the frame.
        using var plot = HistoryChart.Build(HistoryChart.Epochs(history), training, validation,
            "accuracy", yLimits: (-0.02, 1.02), ScottPlot.Alignment.LowerRight, title);
        plot.SavePng(path, width, height);
    }
}
