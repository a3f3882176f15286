using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Per-feature standardization, fitted on training data and applied unchanged to any other data:
/// feature j of a sample becomes <c>x'ⱼ = (xⱼ − μⱼ) / σⱼ</c>, with μⱼ the training mean and σⱼ the
/// training population standard deviation <c>√(Σ(xⱼ − μⱼ)² / n)</c>. A feature that is constant on the
/// training data has σⱼ = 0 and is divided by 1 instead, so it becomes 0 rather than NaN.
/// </summary>
/// <example>
/// <code>
/// var scaler = Standardization&lt;float&gt;.Fit(train);
/// var trainScaled = scaler.Apply(train);
/// var testScaled = scaler.Apply(test);   // the training statistics, never the test set's own
/// </code>
/// </example>
public sealed class Standardization<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly T[] _mean;
    private readonly T[] _standardDeviation;
    private readonly T[] _divisor;

    /// <summary>
    /// Creates a standardization from known statistics, for example ones saved after an earlier
    /// <see cref="Fit"/>. Each standard deviation must be finite and 0 or above.
    /// </summary>
    public Standardization(ReadOnlySpan<T> mean, ReadOnlySpan<T> standardDeviation)
    {
        if (mean.IsEmpty)
            throw new ArgumentException("'mean' is empty: expected one value a feature.", nameof(mean));
        if (standardDeviation.Length != mean.Length)
            throw new ArgumentException(
                $"'standardDeviation' holds {standardDeviation.Length} values: expected {mean.Length}, one for each mean.", nameof(standardDeviation));
        for (int j = 0; j < mean.Length; j++)
        {
            if (!T.IsFinite(mean[j]))
                throw new ArgumentException($"Mean {j} is {mean[j]}: expected a finite number.", nameof(mean));
            if (!T.IsFinite(standardDeviation[j]) || standardDeviation[j] < T.Zero)
                throw new ArgumentException(
                    $"Standard deviation {j} is {standardDeviation[j]}: expected a finite number, 0 or above.", nameof(standardDeviation));
        }
        _mean = mean.ToArray();
        _standardDeviation = standardDeviation.ToArray();
        _divisor = new T[mean.Length];
        for (int j = 0; j < _divisor.Length; j++)
            _divisor[j] = _standardDeviation[j] == T.Zero ? T.One : _standardDeviation[j];
    }

    /// <summary>The number of features this standardization expects in a sample.</summary>
    public int FeatureCount => _mean.Length;

    /// <summary>The per-feature training means μⱼ.</summary>
    public ReadOnlySpan<T> Mean => _mean;

    /// <summary>
    /// The per-feature training population standard deviations σⱼ (0 for a constant feature, which
    /// <see cref="Apply(Dataset{T})"/> divides by 1 instead).
    /// </summary>
    public ReadOnlySpan<T> StandardDeviation => _standardDeviation;

    /// <summary>
    /// Measures each feature of <paramref name="training"/>: its mean <c>μⱼ = Σxⱼ / n</c> and its
    /// population standard deviation <c>σⱼ = √(Σ(xⱼ − μⱼ)² / n)</c>, summed in double in two passes.
    /// </summary>
    public static Standardization<T> Fit(Dataset<T> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
            throw new ArgumentException("The training data set is empty: expected at least 1 sample to measure.", nameof(training));

        int features = training.FeatureCount;
        int count = training.Count;
        var sum = new double[features];
        var minimum = new T[features];
        var maximum = new T[features];
        training.FeaturesOf(0).CopyTo(minimum);
        training.FeaturesOf(0).CopyTo(maximum);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<T> row = training.FeaturesOf(i);
            for (int j = 0; j < features; j++)
            {
                sum[j] += double.CreateChecked(row[j]);
                minimum[j] = T.Min(minimum[j], row[j]);
                maximum[j] = T.Max(maximum[j], row[j]);
            }
        }

        var mean = new double[features];
        for (int j = 0; j < features; j++)
            mean[j] = sum[j] / count;

        var squares = new double[features];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<T> row = training.FeaturesOf(i);
            for (int j = 0; j < features; j++)
            {
                double deviation = double.CreateChecked(row[j]) - mean[j];
                squares[j] += deviation * deviation;
            }
        }

        var meanT = new T[features];
        var deviationT = new T[features];
        for (int j = 0; j < features; j++)
        {
            // A constant column's rounded mean can miss its value by an ulp, and the tiny deviation
            // that leaves would then blow rounding noise up to ±1; equal extremes say "constant" exactly.
            if (minimum[j] == maximum[j])
            {
                meanT[j] = minimum[j];
                deviationT[j] = T.Zero;
            }
            else
            {
                meanT[j] = T.CreateChecked(mean[j]);
                deviationT[j] = T.CreateChecked(Math.Sqrt(squares[j] / count));
            }
        }
        return new Standardization<T>(meanT, deviationT);
    }

    /// <summary>
    /// A new data set holding <paramref name="data"/>'s samples with every feature standardized,
    /// <c>x'ⱼ = (xⱼ − μⱼ) / σⱼ</c> (σⱼ = 0 taken as 1), and copies of its labels or targets.
    /// </summary>
    public Dataset<T> Apply(Dataset<T> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != FeatureCount)
            throw new ArgumentException(
                $"The data set has {data.FeatureCount} features: expected {FeatureCount}, as in the data this standardization was fitted on.", nameof(data));
        var features = new T[data.Features.Length];
        Apply(data.Features, features);
        return data.Labels is not null
            ? new Dataset<T>(features, FeatureCount, (int[])data.Labels.Clone())
            : new Dataset<T>(features, FeatureCount, (T[])data.Targets!.Clone(), data.TargetCount);
    }

    /// <summary>
    /// Standardizes one sample or a row-major batch, <c>x'ⱼ = (xⱼ − μⱼ) / σⱼ</c> (σⱼ = 0 taken as 1),
    /// into <paramref name="destination"/>, which may be <paramref name="source"/> itself. Both hold a
    /// whole number of rows of <see cref="FeatureCount"/> values, as many in each.
    /// </summary>
    public void Apply(ReadOnlySpan<T> source, Span<T> destination)
    {
        if (source.Length % FeatureCount != 0)
            throw new ArgumentException(
                $"'source' holds {source.Length} values: expected a whole multiple of the feature count {FeatureCount}.", nameof(source));
        if (destination.Length != source.Length)
            throw new ArgumentException(
                $"'destination' holds {destination.Length} values: expected {source.Length}, as many as 'source'.", nameof(destination));
        for (int start = 0; start < source.Length; start += FeatureCount)
        {
            for (int j = 0; j < FeatureCount; j++)
                destination[start + j] = (source[start + j] - _mean[j]) / _divisor[j];
        }
    }
}
