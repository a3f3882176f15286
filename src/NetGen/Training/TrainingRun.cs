using System;
using System.Diagnostics;
using System.IO;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;

namespace NetGen;

/// <summary>One call of <see cref="Trainer.Fit{T}"/>: its buffers, allocated once, and its loop.</summary>
internal sealed class TrainingRun<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly Dataset<T> _training;
    private readonly Dataset<T>? _validation;
    private readonly TrainingOptions _options;
    private readonly Evaluator<T> _evaluator;
    private readonly int[] _order;
    private readonly T[] _batchFeatures;
    private readonly int[] _batchLabels;
    private readonly T[] _batchTargets;
    private readonly T[]? _bestParameters;
    private readonly TextWriter _output;

    public TrainingRun(INetwork<T> network, Dataset<T> training, Dataset<T>? validation, TrainingOptions options)
    {
        (_network, _training, _validation, _options) = (network, training, validation, options);
        _evaluator = new Evaluator<T>(network);
        _order = new int[training.Count];
        for (int i = 0; i < _order.Length; i++)
            _order[i] = i;
        int batch = Math.Min(options.BatchSize, training.Count);
        _batchFeatures = new T[batch * training.FeatureCount];
        _batchLabels = training.Labels is null ? [] : new int[batch];
        _batchTargets = training.Labels is null ? new T[batch * training.TargetCount] : [];
        if (options.EarlyStopping is { RestoreBestWeights: true })
            _bestParameters = new T[network.ParameterCount];
        _output = options.Output ?? Console.Out;
    }

    public TrainingHistory Execute(IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        var history = new TrainingHistory();
        var shuffle = new SeededRandom(_options.Seed);
        double initialRate = double.CreateChecked(_network.LearningRate);
        double monitored = double.NaN, best = double.PositiveInfinity;
        int epochsWithoutImprovement = 0;
        long step = 0;
        double intervalLoss = 0;
        int intervalCount = 0;
        int firstEpoch = 1;
        bool hasBest = false; // whether _bestParameters holds weights, from this run or the one it resumes
        TimeSpan elapsedBefore = TimeSpan.Zero;
        _options.Schedule?.Reset();
        if (_options.ResumeFrom is { } resumed)
        {
            TrainingProgress.RunState state = resumed.State;
            foreach (EpochReport report in resumed.Epochs)
                history.Add(report);
            (history.BestEpoch, history.StoppedEarly) = (resumed.BestEpoch, resumed.StoppedEarly);
            shuffle.State = state.Shuffle;
            state.Order.CopyTo(_order, 0);
            (initialRate, monitored, best, epochsWithoutImprovement) = (state.InitialRate, state.Monitored, state.Best, state.EpochsWithoutImprovement);
            (step, intervalLoss, intervalCount) = (state.Step, state.IntervalLoss, state.IntervalCount);
            if (_options.Schedule is { } resumedSchedule)
                resumedSchedule.State = state.Schedule;
            _network.ImportParameters(TrainingProgress.FromDoubles<T>(state.Parameters));
            if (_bestParameters is not null && state.BestParameters is { } bestParameters)
            {
                TrainingProgress.FromDoubles<T>(bestParameters).CopyTo(_bestParameters, 0);
                hasBest = true;
            }
            firstEpoch = resumed.StoppedEarly ? _options.Epochs + 1 : resumed.Epoch + 1;
            elapsedBefore = resumed.Epochs.Count == 0 ? TimeSpan.Zero : resumed.Epochs[^1].Elapsed;
        }
        var clock = Stopwatch.StartNew();
        int batchSize = Math.Min(_options.BatchSize, _training.Count);
        int iterations = (_training.Count + batchSize - 1) / batchSize;

        for (int epoch = firstEpoch; epoch <= _options.Epochs; epoch++)
        {
            if (_options.Schedule is { } schedule)
                _network.LearningRate = T.CreateChecked(schedule.Rate(epoch - 1, initialRate, double.CreateChecked(_network.LearningRate), monitored));
            double learningRate = double.CreateChecked(_network.LearningRate);
            if (_options.Shuffle)
                shuffle.Shuffle<int>(_order);

            double lossSum = 0;
            for (int iteration = 1; iteration <= iterations; iteration++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    history.Cancelled = true;
                    return history;
                }
                int start = (iteration - 1) * batchSize;
                int count = Math.Min(batchSize, _training.Count - start);
                double loss;
                try
                {
                    loss = TrainBatch(start, count);
                }
                catch (NonFiniteLossException exception)
                {
                    throw new TrainingDivergedException(epoch, iteration, exception.Loss);
                }
                lossSum += loss * count;
                intervalLoss += loss;
                intervalCount++;
                // The interval counts steps across epochs, as the material's eval_interval does.
                if (_options.Verbose == Verbosity.Interval && ++step % _options.EvalInterval == 0)
                {
                    _output.WriteLine($"| epoch {epoch} | iter {iteration} / {iterations} | loss {intervalLoss / intervalCount:F2}");
                    intervalLoss = 0;
                    intervalCount = 0;
                }
            }

            double trainingLoss = lossSum / _training.Count;
            double? accuracy = _training.Labels is null ? null : _evaluator.Evaluate(_training).Accuracy;
            double? validationLoss = null, validationAccuracy = null;
            if (_validation is not null)
                (validationLoss, validationAccuracy) = _evaluator.Evaluate(_validation);
            var report = new EpochReport(epoch, trainingLoss, accuracy, validationLoss, validationAccuracy, learningRate, elapsedBefore + clock.Elapsed);
            history.Add(report);
            if (_options.Verbose == Verbosity.Epoch)
                _output.WriteLine(Describe(report));
            progress?.Report(report);

            monitored = validationLoss ?? trainingLoss;
            double minDelta = _options.EarlyStopping?.MinDelta ?? 0;
            if (monitored < best - minDelta || history.BestEpoch == 0)
            {
                best = Math.Min(best, monitored);
                history.BestEpoch = epoch;
                epochsWithoutImprovement = 0;
                if (_bestParameters is not null)
                {
                    _network.ExportParameters(_bestParameters);
                    hasBest = true;
                }
            }
            else if (_options.EarlyStopping is { } stopping && ++epochsWithoutImprovement > stopping.Patience)
            {
                history.StoppedEarly = true;
                break;
            }
        }
        // The parameters training goes on from are the last ones, whatever the network is left with.
        history.Progress = new TrainingProgress([.. history.Epochs], history.BestEpoch, history.StoppedEarly, new TrainingProgress.RunState(
            shuffle.State, (int[])_order.Clone(), initialRate, monitored, best, epochsWithoutImprovement, step, intervalLoss, intervalCount,
            _options.Schedule?.State ?? [], TrainingProgress.ToDoubles<T>(Exported()), hasBest ? TrainingProgress.ToDoubles<T>(_bestParameters!) : null));
        // A run resumed from one that kept no best weights, and that never improved on its best loss, has none to restore.
        if (hasBest)
            _network.ImportParameters(_bestParameters!);
        return history;
    }

    /// <summary>The network's parameters in the canonical order, which a progress keeps.</summary>
    private T[] Exported()
    {
        var parameters = new T[_network.ParameterCount];
        _network.ExportParameters(parameters);
        return parameters;
    }

    /// <summary>Gathers the batch, computes its gradients, clips them, and applies the optimizer; returns the loss.</summary>
    private double TrainBatch(int start, int count)
    {
        int features = _training.FeatureCount;
        Span<T> inputs = _batchFeatures.AsSpan(0, count * features);
        for (int k = 0; k < count; k++)
            _training.FeaturesOf(_order[start + k]).CopyTo(inputs.Slice(k * features, features));
        // Without clipping, TrainStep: the network may then run its optimizer step on each block of
        // the gradient while it is still in cache.
        double? maxNorm = _options.MaxGradNorm;
        T loss;
        if (_training.Labels is { } labels)
        {
            Span<int> batchLabels = _batchLabels.AsSpan(0, count);
            for (int k = 0; k < count; k++)
                batchLabels[k] = labels[_order[start + k]];
            loss = maxNorm is null ? _network.TrainStep(inputs, batchLabels) : _network.ComputeGradients(inputs, batchLabels);
        }
        else
        {
            int width = _training.TargetCount;
            Span<T> targets = _batchTargets.AsSpan(0, count * width);
            for (int k = 0; k < count; k++)
                _training.Targets.AsSpan(_order[start + k] * width, width).CopyTo(targets.Slice(k * width, width));
            loss = maxNorm is null ? _network.TrainStep(inputs, targets) : _network.ComputeGradients(inputs, targets);
        }
        if (maxNorm is { } max)
        {
            // As TrainStep does: no step with the gradient of a loss that is not finite.
            Kernels.Checks.FiniteLoss(loss);
            ClipGradients(_network.Gradients, max);
            _network.ApplyGradients();
        }
        return double.CreateChecked(loss);
    }

    /// <summary>Scales the gradient by <c>max / ‖g‖₂</c> when its global norm exceeds max (PyTorch's clip_grad_norm_).</summary>
    private static void ClipGradients(Span<T> gradients, double maxNorm)
    {
        double norm = double.CreateChecked(TensorPrimitives.Norm<T>(gradients));
        if (norm > maxNorm)
            TensorPrimitives.Multiply(gradients, T.CreateChecked(maxNorm / (norm + 1e-6)), gradients);
    }

    private static string Describe(EpochReport report)
    {
        string line = $"| epoch {report.Epoch} | loss {report.Loss:F4}";
        if (report.Accuracy is { } accuracy)
            line += $" | accuracy {accuracy:F4}";
        if (report.ValidationLoss is { } validationLoss)
            line += $" | val loss {validationLoss:F4}";
        if (report.ValidationAccuracy is { } validationAccuracy)
            line += $" | val accuracy {validationAccuracy:F4}";
        return line + $" | lr {report.LearningRate:G4} | {report.Elapsed.TotalSeconds:F1} s";
    }
}
