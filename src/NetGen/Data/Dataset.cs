using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Samples for training or evaluation: row-major <see cref="Features"/>, one row of
/// <see cref="FeatureCount"/> values a sample, with class <see cref="Labels"/> or target rows.
/// </summary>
public sealed class Dataset<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates a data set of labelled samples (a classifier's).</summary>
    public Dataset(T[] features, int featureCount, int[] labels)
    {
        Count = CheckFeatures(features, featureCount);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != Count)
            throw new ArgumentException($"'labels' holds {labels.Length} labels: expected {Count}, one for each sample.", nameof(labels));
        (Features, FeatureCount, Labels) = (features, featureCount, labels);
    }

    /// <summary>Creates a data set whose samples have target rows of <paramref name="targetCount"/> values (a regressor's).</summary>
    public Dataset(T[] features, int featureCount, T[] targets, int targetCount)
    {
        Count = CheckFeatures(features, featureCount);
        ArgumentNullException.ThrowIfNull(targets);
        if (targetCount <= 0 || targets.Length != Count * targetCount)
            throw new ArgumentException(
                $"'targets' holds {targets.Length} values: expected {Count} rows of {targetCount}, one for each sample.", nameof(targets));
        (Features, FeatureCount, Targets, TargetCount) = (features, featureCount, targets, targetCount);
    }

    /// <summary>The features, row-major, <see cref="FeatureCount"/> values a sample.</summary>
    public T[] Features { get; }

    /// <summary>The number of values in one sample's features.</summary>
    public int FeatureCount { get; }

    /// <summary>The class of each sample, or null for a data set of targets.</summary>
    public int[]? Labels { get; }

    /// <summary>The target rows, row-major, or null for a labelled data set.</summary>
    public T[]? Targets { get; }

    /// <summary>The number of values in one target row; 0 for a labelled data set.</summary>
    public int TargetCount { get; }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>The features of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> FeaturesOf(int index) => Features.AsSpan(index * FeatureCount, FeatureCount);

    private static int CheckFeatures(T[] features, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (featureCount <= 0 || features.Length % featureCount != 0)
            throw new ArgumentException(
                $"'features' holds {features.Length} values: expected a whole multiple of the feature count {featureCount}.", nameof(features));
        return features.Length / featureCount;
    }
}
