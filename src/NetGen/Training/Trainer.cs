using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace NetGen;

/// <summary>
/// Trains any generated network on a <see cref="Dataset{T}"/> in mini-batches, as Keras's
/// <c>fit</c>: shuffling, validation, gradient clipping, a learning-rate schedule, early stopping,
/// progress and a history. The batch loop allocates nothing.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="data"/> and returns one report per epoch.
    /// <paramref name="progress"/> is called synchronously at the end of every epoch; a cancelled
    /// <paramref name="cancellationToken"/> stops training before the next batch and returns the history so far.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The data does not fit the network: another number of features or targets a sample, or a label
    /// outside 0 to OutputSize − 1 (0 and 1 for a single output), which the message names by its index
    /// in the data set. Every check runs before the first batch, so the network is left unchanged.
    /// </exception>
    /// <exception cref="TrainingDivergedException">A batch's loss was not finite.</exception>
    public static TrainingHistory Fit<T>(INetwork<T> network, Dataset<T> data, TrainingOptions? options = null,
        IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainingOptions();
        CheckOptions(options);
        CheckFits(network, data, nameof(data));

        Dataset<T> training = data;
        Dataset<T>? validation = null;
        if (options.Validation is not null)
        {
            validation = options.Validation as Dataset<T> ?? throw new ArgumentException(
                $"The validation data is a {options.Validation.GetType().Name}, but the network works in {typeof(T).Name}: expected a Dataset<{typeof(T).Name}>.",
                nameof(options));
            CheckFits(network, validation, "options.Validation");
        }
        else if (options.ValidationSplit > 0)
        {
            (validation, training) = data.Split(options.ValidationSplit, options.Seed);
            if (validation.Count == 0 || training.Count == 0)
                throw new ArgumentException(
                    $"A ValidationSplit of {options.ValidationSplit} leaves {training.Count} training and {validation.Count} validation samples of {data.Count}: both need at least one.",
                    nameof(options));
        }

        options.ResumeFrom?.State.CheckFits(training.Count, network.ParameterCount, nameof(options));
        return new TrainingRun<T>(network, training, validation, options).Execute(progress, cancellationToken);
    }

    /// <summary>
    /// The mean loss of <paramref name="network"/> on <paramref name="data"/> (from its outputs, as the
    /// declared loss defines it, with log terms floored at −100 as PyTorch's losses do) and, for
    /// labelled data, the fraction of samples it classifies right.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The data does not fit the network, as in <see cref="Fit{T}"/>, a label out of range included.
    /// </exception>
    public static (double Loss, double? Accuracy) Evaluate<T>(INetwork<T> network, Dataset<T> data)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        CheckFits(network, data, nameof(data));
        return new Evaluator<T>(network).Evaluate(data);
    }

    private static void CheckOptions(TrainingOptions options)
    {
        if (options.Epochs < 1)
            throw new ArgumentException($"Epochs is {options.Epochs}: expected at least 1.", nameof(options));
        if (options.BatchSize < 1)
            throw new ArgumentException($"BatchSize is {options.BatchSize}: expected at least 1.", nameof(options));
        if (options.EvalInterval < 1)
            throw new ArgumentException($"EvalInterval is {options.EvalInterval}: expected at least 1.", nameof(options));
        if (!(options.ValidationSplit >= 0 && options.ValidationSplit < 1))
            throw new ArgumentException($"ValidationSplit is {options.ValidationSplit}: expected at least 0 and below 1.", nameof(options));
        if (options.MaxGradNorm is { } norm && !(norm > 0))
            throw new ArgumentException($"MaxGradNorm is {norm}: expected a positive number.", nameof(options));
        if (options.EarlyStopping is { } stopping && (stopping.Patience < 0 || !(stopping.MinDelta >= 0)))
            throw new ArgumentException($"EarlyStopping has Patience {stopping.Patience} and MinDelta {stopping.MinDelta}: expected both at least 0.", nameof(options));
    }

    internal static void CheckFits<T>(INetwork<T> network, Dataset<T> data, string name)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (data.Count == 0)
            throw new ArgumentException($"'{name}' holds no samples: expected at least 1.", name);
        if (data.FeatureCount != network.InputSize)
            throw new ArgumentException(
                $"'{name}' has {data.FeatureCount} features a sample: expected {network.InputSize}, the network's InputSize.", name);
        if (data.Labels is null && data.TargetCount != network.OutputSize)
            throw new ArgumentException(
                $"'{name}' has {data.TargetCount} targets a sample: expected {network.OutputSize}, the network's OutputSize.", name);
        if (data.Labels is { } labels)
            CheckLabels(labels, network.OutputSize, name);
        CheckFinite(data.Features, data.FeatureCount, "feature", name);
        if (data.Targets is { } targets)
            CheckFinite(targets, data.TargetCount, "target", name);
    }

    /// <summary>
    /// Checks every value once, up front, as the labels: a NaN or infinity would otherwise stop training
    /// only at the batch that holds it, with its place in that batch rather than in the data set.
    /// </summary>
    private static void CheckFinite<T>(T[] values, int rowSize, string kind, string name)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int i = Kernels.Checks.IndexOfNonFinite<T>(values);
        if (i >= 0)
            throw new ArgumentException(
                $"'{name}' holds {values[i]} as {kind} {i % rowSize} of sample {i / rowSize}: expected finite values only.", name);
    }

    /// <summary>
    /// Checks every label once, up front: the network would only find a bad one in the batch that
    /// holds it, after earlier batches had changed the parameters, and would name its place in that
    /// batch rather than in the data set; the evaluator would index outside its output row.
    /// </summary>
    private static void CheckLabels(int[] labels, int outputSize, string name)
    {
        int classes = outputSize == 1 ? 2 : outputSize;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException(
                    $"'{name}' holds label {labels[i]} at index {i}, out of range: expected 0 to {classes - 1} for a network with OutputSize = {outputSize}.",
                    name);
        }
    }
}
