using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Kernels;

namespace NetGen;

/// <summary>
/// Saves and loads a network's whole training state, so that training resumes to the same bits: a safetensors file
/// whose tensors are the parameters under PyTorch's names (as <see cref="SafetensorsFiles"/> writes them), the
/// optimizer's state arrays under <c>optimizer.{state}.{tensor}</c> with PyTorch's state names (<c>momentum_buffer</c>,
/// <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>, <c>square_avg</c>, <c>grad_avg</c>), and, when given, a
/// <see cref="Standardization{T}"/> (<c>standardization.mean</c>, <c>standardization.std</c>) and a trainer's
/// <see cref="TrainingProgress"/> (<c>trainer.order</c>, the parameters it trains on from under <c>trainer.parameters.</c>
/// and the best ones under <c>trainer.best.</c>); its metadata holds the optimizer's step count and learning rate, the
/// dropout generator's state, the progress's reports and scalars, NetGen's version and the network's description.
/// </summary>
/// <remarks>
/// Training a network for N epochs gives the same parameters, bit for bit, as training it for K, saving a checkpoint
/// with the run's progress, loading it into a new instance and resuming with <see cref="TrainingOptions.ResumeFrom"/> up
/// to N, for every optimizer. Loading checks the file as <see cref="SafetensorsFiles"/> does, and is all or nothing.
/// </remarks>
public static class Checkpoints
{
    private const string FormatKey = "netgen.checkpoint", FormatVersion = "1";
    private const string StepKey = "optimizer.step", LearningRateKey = "optimizer.learning_rate", DropoutKey = "dropout.state";
    private const string ProgressKey = "trainer.progress", OrderName = "trainer.order";
    private const string MeanName = "standardization.mean", DeviationName = "standardization.std";
    private const string LastPrefix = "trainer.parameters.", BestPrefix = "trainer.best.";

    /// <summary>
    /// Writes the network's training state to a checkpoint file at <paramref name="path"/>, with the trainer's
    /// <paramref name="progress"/> (<see cref="TrainingHistory.Progress"/>) and <paramref name="standardization"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The network is not a generated one, or the progress or standardization are another network's.</exception>
    public static void SaveCheckpoint<T>(this INetwork<T> network, string path, TrainingProgress? progress = null,
        Standardization<T>? standardization = null) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafetensorsWriter writer = Build(network, progress, standardization);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        writer.WriteTo(file);
    }

    /// <summary>Writes the network's training state as a checkpoint to <paramref name="stream"/> from its position; leaves it open.</summary>
    /// <exception cref="ArgumentException">The network is not a generated one, or the progress or standardization are another network's.</exception>
    public static void SaveCheckpoint<T>(this INetwork<T> network, Stream stream, TrainingProgress? progress = null,
        Standardization<T>? standardization = null) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        Build(network, progress, standardization).WriteTo(stream);
    }

    /// <summary>
    /// Gives the network the training state of the checkpoint file at <paramref name="path"/> and returns what else it held:
    /// the trainer's progress, to resume with <see cref="TrainingOptions.ResumeFrom"/>, and the standardization.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is not a valid checkpoint of this network; the message names the file and what is wrong. The network is unchanged.
    /// </exception>
    public static Checkpoint<T> LoadCheckpoint<T>(this INetwork<T> network, string path) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(network, file, $"file '{path}'");
    }

    /// <summary>As <see cref="LoadCheckpoint{T}(INetwork{T}, string)"/>, from <paramref name="stream"/>'s position to its end; leaves it open.</summary>
    public static Checkpoint<T> LoadCheckpoint<T>(this INetwork<T> network, Stream stream) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        return Load(network, stream, "stream");
    }

    private static NetworkTraining<T> TrainingOf<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        NetworkTraining<T>.Of(network)
        ?? throw new ArgumentException($"A {network.GetType().Name} is not a network NetGen generated: it has no training state to save.", nameof(network));

    private static SafetensorsWriter Build<T>(INetwork<T> network, TrainingProgress? progress, Standardization<T>? standardization)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkTraining<T> training = TrainingOf(network);
        NetworkDescription description = network.Description;
        if (standardization is not null && standardization.FeatureCount != description.InputSize)
            throw new ArgumentException($"The standardization scales {standardization.FeatureCount} features; the network takes {description.InputSize}.", nameof(standardization));
        progress?.State.CheckFits(progress.State.Order.Length, description.ParameterCount, nameof(progress));

        var writer = new SafetensorsWriter();
        writer.Metadata[FormatKey] = FormatVersion;
        writer.Metadata[SafetensorsFiles.VersionKey] = NetGenVersion.Value;
        writer.Metadata[SafetensorsFiles.NetworkKey] = description.ToJson();
        writer.Metadata[StepKey] = training.OptimizerStep.ToString(CultureInfo.InvariantCulture);
        writer.Metadata[LearningRateKey] = double.CreateChecked(training.LearningRate).ToString("R", CultureInfo.InvariantCulture);
        if (training.Dropout is { } dropout)
            writer.Metadata[DropoutKey] = string.Join(",", dropout.State.Select(word => word.ToString(CultureInfo.InvariantCulture)));

        var parameters = new T[description.ParameterCount];
        network.ExportParameters(parameters);
        LayerTensors.Add<T>(writer, description, parameters);
        foreach (var (name, values) in training.ExportOptimizerState())
            LayerTensors.Add<T>(writer, description, values, $"optimizer.{name}.");
        if (standardization is not null)
        {
            writer.Add(MeanName, standardization.Mean, standardization.FeatureCount);
            writer.Add(DeviationName, standardization.StandardDeviation, standardization.FeatureCount);
        }
        if (progress is not null)
        {
            writer.Metadata[ProgressKey] = TrainingProgressJson.Write(progress);
            writer.AddInt32(OrderName, progress.State.Order, progress.State.Order.Length);
            LayerTensors.Add<T>(writer, description, TrainingProgress.FromDoubles<T>(progress.State.Parameters), LastPrefix);
            if (progress.State.BestParameters is { } best)
                LayerTensors.Add<T>(writer, description, TrainingProgress.FromDoubles<T>(best), BestPrefix);
        }
        return writer;
    }

    private static Checkpoint<T> Load<T>(INetwork<T> network, Stream stream, string source) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        NetworkTraining<T> training = TrainingOf(network);
        NetworkDescription description = network.Description;
        SafetensorsReader reader = SafetensorsReader.Read(stream, source);
        InvalidDataException Invalid(string what) => new($"The checkpoint {source} does not fit the network {description}: {what}.");

        if (!reader.Metadata.TryGetValue(FormatKey, out string? format))
            throw Invalid($"it has no '{FormatKey}' metadata, so it is not a NetGen checkpoint (a weights file loads with LoadSafetensors)");
        if (format != FormatVersion)
            throw Invalid($"it is checkpoint format '{format}'; this NetGen reads format {FormatVersion}");
        bool hasProgress = reader.Metadata.TryGetValue(ProgressKey, out string? progressText);
        bool hasStandardization = reader.TryGetTensor(MeanName, out _);

        // The tensors the file must hold, and no other.
        var expected = new List<(string Name, long[] Shape)>(LayerTensors.Shapes(description));
        foreach (string state in training.OptimizerStateNames)
            expected.AddRange(LayerTensors.Shapes(description, $"optimizer.{state}."));
        if (hasStandardization)
            expected.AddRange([(MeanName, [description.InputSize]), (DeviationName, [description.InputSize])]);
        if (hasProgress)
        {
            expected.AddRange(LayerTensors.Shapes(description, LastPrefix));
            if (reader.TryGetTensor(BestPrefix + description.Layers[0].WeightName, out _))
                expected.AddRange(LayerTensors.Shapes(description, BestPrefix));
            if (!reader.TryGetTensor(OrderName, out SafetensorsTensor order) || order.Shape.Count != 1)
                throw Invalid($"it has a trainer progress but no one-dimensional tensor '{OrderName}'");
            expected.Add((OrderName, [order.Shape[0]]));
        }
        string problems = LayerTensors.Differences(reader, expected);
        if (problems.Length > 0)
            throw Invalid(problems);

        T[] parameters = LayerTensors.Read<T>(reader, description, Invalid);
        var optimizerState = training.OptimizerStateNames.ToDictionary(state => state, state => LayerTensors.Read<T>(reader, description, Invalid, $"optimizer.{state}."));
        long step = reader.Metadata.TryGetValue(StepKey, out string? stepText) && long.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out long s)
            ? s : throw Invalid($"its '{StepKey}' metadata is missing or not a count");
        T learningRate = reader.Metadata.TryGetValue(LearningRateKey, out string? rateText)
            && double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && double.IsFinite(rate) && rate >= 0
            ? T.CreateChecked(rate) : throw Invalid($"its '{LearningRateKey}' metadata is missing or not a finite rate of at least 0");
        ulong[]? dropoutState = null;
        if (training.Dropout is not null)
        {
            try
            {
                dropoutState = reader.Metadata[DropoutKey].Split(',').Select(w => ulong.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                _ = new SeededRandom(0) { State = dropoutState };
            }
            catch (Exception exception) when (exception is KeyNotFoundException or FormatException or OverflowException or ArgumentException)
            {
                throw Invalid($"its '{DropoutKey}' metadata, the dropout generator's state, is missing or not six words");
            }
        }

        Standardization<T>? standardization = null;
        if (hasStandardization)
        {
            var mean = new T[description.InputSize];
            var deviation = new T[description.InputSize];
            reader.TryGetTensor(MeanName, out SafetensorsTensor meanTensor);
            reader.TryGetTensor(DeviationName, out SafetensorsTensor deviationTensor);
            reader.ReadValues(meanTensor, mean.AsSpan());
            reader.ReadValues(deviationTensor, deviation.AsSpan());
            try
            {
                standardization = new Standardization<T>(mean, deviation);
            }
            catch (ArgumentException exception)
            {
                throw Invalid($"its standardization is not valid: {exception.Message}");
            }
        }

        TrainingProgress? progress = null;
        if (hasProgress)
        {
            reader.TryGetTensor(OrderName, out SafetensorsTensor orderTensor);
            var order = new int[orderTensor.ElementCount];
            reader.ReadInt32(orderTensor, order);
            double[] last = TrainingProgress.ToDoubles<T>(LayerTensors.Read<T>(reader, description, Invalid, LastPrefix));
            double[]? best = reader.TryGetTensor(BestPrefix + description.Layers[0].WeightName, out _)
                ? TrainingProgress.ToDoubles<T>(LayerTensors.Read<T>(reader, description, Invalid, BestPrefix)) : null;
            progress = TrainingProgressJson.Read(progressText!, source, order, last, best);
            try
            {
                progress.State.CheckFits(order.Length, description.ParameterCount, "progress");
            }
            catch (ArgumentException exception)
            {
                throw Invalid($"its trainer progress is not valid: {exception.Message}");
            }
        }

        training.Restore(parameters, optimizerState, step, learningRate, dropoutState);
        return new Checkpoint<T>(progress, standardization);
    }
}
