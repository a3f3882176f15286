namespace NetGen;

/// <summary>
/// Stops training when the monitored loss (validation loss when there is validation data, else the
/// training loss) has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs.
/// With <see cref="RestoreBestWeights"/>, the network ends training with the parameters of its best epoch.
/// </summary>
public sealed record EarlyStopping(int Patience = 5, double MinDelta = 0, bool RestoreBestWeights = true);
