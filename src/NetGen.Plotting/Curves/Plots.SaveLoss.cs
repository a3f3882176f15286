namespace NetGen.Plotting;

public static partial class Plots
{
    /// <summary>
    /// Saves as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels the training loss
    /// of each epoch of <paramref name="history"/> (<see cref="TrainingHistory.Loss"/>, in
    /// <see cref="TrainingColor"/>) and, when the history has it, the validation loss
    /// (<see cref="TrainingHistory.ValidationLoss"/>, in <see cref="ValidationColor"/>), against the
    /// epoch number, with axis labels and a legend. Epochs without a value are skipped.
    /// </summary>
    /// <param name="history">What <see cref="Trainer.Fit{T}"/> returned.</param>
    /// <param name="path">The PNG file to write (overwritten); its folder must exist.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <param name="title">A title above the plot, or null for none.</param>
    /// <exception cref="System.ArgumentException">The history has no epochs, or a size is below 1.</exception>
    /// <exception cref="System.IO.DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static void SaveLoss(TrainingHistory history, string path, int width = 800, int height = 500, string? title = null)
    {
        HistoryChart.CheckNotEmpty(history, nameof(history));
        CheckImage(path, width, height);
        using var plot = HistoryChart.Build(HistoryChart.Epochs(history), history.Loss, history.ValidationLoss,
            "loss", yLimits: null, ScottPlot.Alignment.UpperRight, title);
        plot.SavePng(path, width, height);
    }
}
