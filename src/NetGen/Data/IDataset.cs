namespace NetGen;

/// <summary>A data set of any element type, as <see cref="TrainingOptions.Validation"/> holds one.</summary>
public interface IDataset
{
    /// <summary>The number of samples.</summary>
    int Count { get; }

    /// <summary>The number of values in one sample's features.</summary>
    int FeatureCount { get; }
}
