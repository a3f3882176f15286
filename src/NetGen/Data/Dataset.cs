using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Samples for training or evaluation: row-major <see cref="Features"/>, one row of
/// <see cref="FeatureCount"/> values a sample, with class <see cref="Labels"/> or target rows.
/// </summary>
public sealed class Dataset<T> : IDataset where T : unmanaged, IBinaryFloatingPointIeee754<T>
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

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new data set.</summary>
    public Dataset<T> Select(ReadOnlySpan<int> indices)
    {
        var features = new T[indices.Length * FeatureCount];
        for (int k = 0; k < indices.Length; k++)
        {
            if ((uint)indices[k] >= (uint)Count)
                throw new ArgumentException($"Index {indices[k]} at position {k} is out of range: expected 0 to {Count - 1}.", nameof(indices));
            FeaturesOf(indices[k]).CopyTo(features.AsSpan(k * FeatureCount));
        }
        if (Labels is not null)
        {
            var labels = new int[indices.Length];
            for (int k = 0; k < indices.Length; k++)
                labels[k] = Labels[indices[k]];
            return new Dataset<T>(features, FeatureCount, labels);
        }
        var targets = new T[indices.Length * TargetCount];
        for (int k = 0; k < indices.Length; k++)
            Targets.AsSpan(indices[k] * TargetCount, TargetCount).CopyTo(targets.AsSpan(k * TargetCount));
        return new Dataset<T>(features, FeatureCount, targets, TargetCount);
    }

    /// <summary>
    /// Splits the samples at random into two data sets: the first holds <paramref name="fraction"/> of
    /// them (rounded), the second the rest. The same seed gives the same split.
    /// </summary>
    public (Dataset<T> First, Dataset<T> Second) Split(double fraction, int seed = 0)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Expected a fraction from 0 to 1.");
        int[] order = SeededRandom.Permutation(Count, new SeededRandom(seed));
        int firstCount = (int)Math.Round(fraction * Count);
        return (Select(order.AsSpan(0, firstCount)), Select(order.AsSpan(firstCount)));
    }

    private static int CheckFeatures(T[] features, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (featureCount <= 0 || features.Length % featureCount != 0)
            throw new ArgumentException(
                $"'features' holds {features.Length} values: expected a whole multiple of the feature count {featureCount}.", nameof(features));
        return features.Length / featureCount;
    }
}
