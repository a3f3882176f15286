using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>
/// Everything in a generated network's training that does not depend on its shape, written once: the
/// training members' one-thread guard and argument checks, the growth of the scratch, the batch's chunks
/// and their sums on up to <see cref="DegreeOfParallelism"/> threads, the optimizer's state and step, and
/// the state a clone copies. A network holds one in a field and delegates its training members to it; the
/// shape-specific work (the layers over a chunk, the scratch rows, the parameter order) comes back through
/// <see cref="ITrainingLayers{T}"/>. Each public member behaves as the network member of the same name.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NetworkTraining<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly ITrainingLayers<T> _layers;
    private readonly TrainingSchedule _schedule;
    private readonly T[] _parameters; // from _origin
    private readonly int _origin;
    private readonly AlignedArray<T> _gradients;
    private readonly OptimizerState<T> _optimizer;
    private readonly ChunkedBatch<T> _chunks;
    private int _trainingThread; // the managed thread id inside a training member, or 0 (TrainingGuard)
    private int _batchCapacity; // the batch the scratch rows hold
    private T[] _targets = []; // labels as target rows
    private int _degreeOfParallelism = 1;

    // Each network's training, for the runtime's tools that reach a network through INetwork<T> and need its
    // whole training state (checkpoints); weak, so that a network is collected as if it were not here.
    private static readonly ConditionalWeakTable<INetwork<T>, NetworkTraining<T>> s_trainingOf = new();

    /// <summary>
    /// The training of <paramref name="network"/> (null for one that no tool needs to find), whose parameters <paramref name="parameters"/> holds from <paramref name="origin"/>,
    /// by the optimizer its declaration names (<see cref="TrainingSchedule.Network"/>); <paramref name="dropout"/> is the
    /// generator of its dropout masks, if it has any, whose state a clone and a checkpoint carry.
    /// </summary>
    public NetworkTraining(INetwork<T>? network, ITrainingLayers<T> layers, TrainingSchedule schedule, T[] parameters, int origin, SeededRandom? dropout = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(parameters);
        if (schedule.Network.Precision != (typeof(T) == typeof(double) ? Precision.Double : Precision.Single))
            throw new ArgumentException($"The network is declared in {schedule.Network.Precision} precision, not as {typeof(T).Name}.", nameof(schedule));
        ArgumentOutOfRangeException.ThrowIfNegative(origin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(origin, parameters.Length - schedule.ParameterCount);
        (_layers, _schedule, _parameters, _origin, Dropout) = (layers, schedule, parameters, origin, dropout);
        _gradients = new AlignedArray<T>(schedule.ParameterCount);
        _optimizer = new OptimizerState<T>(new OptimizerSettings<T>(schedule.Network.Optimizer), schedule.ParameterCount);
        _chunks = new ChunkedBatch<T>(layers, schedule, parameters, origin, _gradients, _optimizer);
        if (network is not null)
            s_trainingOf.AddOrUpdate(network, this);
    }

    /// <summary>The training of <paramref name="network"/>, or null for a network that is not generated (or not built yet).</summary>
    internal static NetworkTraining<T>? Of(INetwork<T> network) => s_trainingOf.TryGetValue(network, out NetworkTraining<T>? training) ? training : null;

    private Span<T> Parameters => new(_parameters, _origin, _schedule.ParameterCount);

    /// <summary>The gradient of the last batch's mean loss, in the layout of the parameters.</summary>
    public Span<T> Gradients => _gradients.Span;

    /// <summary>The batch the scratch rows hold: the largest trained so far, which the shape's rows were grown to (ITrainingLayers.Grow).</summary>
    public int BatchCapacity => _batchCapacity;

    /// <summary>Threads that ComputeGradients and TrainStep may use on batches larger than one chunk; at least 1.</summary>
    public int DegreeOfParallelism
    {
        get => _degreeOfParallelism;
        set
        {
            using (Enter(nameof(DegreeOfParallelism)))
                _degreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Expected at least 1 thread.");
        }
    }

    /// <summary>The optimizer's step size; a value that is not finite, or is negative, throws.</summary>
    public T LearningRate
    {
        get => _optimizer.LearningRate;
        set
        {
            using (Enter(nameof(LearningRate)))
                _optimizer.LearningRate = Checks.LearningRate(value, nameof(value));
        }
    }

    /// <summary>Writes the parameters in the canonical order.</summary>
    public void ExportParameters(Span<T> destination)
    {
        Checks.Length(destination, _schedule.ParameterCount, nameof(destination));
        Reorder(Parameters, destination, toCanonical: true);
    }

    /// <summary>Writes <see cref="Gradients"/> in the canonical order.</summary>
    public void ExportGradients(Span<T> destination)
    {
        Checks.Length(destination, _schedule.ParameterCount, nameof(destination));
        Reorder(Gradients, destination, toCanonical: true);
    }

    /// <summary>Reads finite parameters in the canonical order.</summary>
    public void ImportParameters(ReadOnlySpan<T> source)
    {
        using (Enter(nameof(ImportParameters)))
        {
            Checks.Length(source, _schedule.ParameterCount, nameof(source));
            Checks.Finite(source, nameof(source));
            Reorder(source, Parameters, toCanonical: false);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> layer by layer, from the internal layout
    /// (per layer, weights [in, out] or the first layer's panel by panel, then bias) to PyTorch's order (per layer, weight [out, in] row-major, then
    /// bias), or back.
    /// </summary>
    private void Reorder(ReadOnlySpan<T> source, Span<T> destination, bool toCanonical)
    {
        int offset = 0;
        for (int l = 1; l <= _schedule.LayerCount; l++)
        {
            int inSize = _schedule.LayerInputSize(l), outSize = _schedule.LayerOutputSize(l), count = (inSize + 1) * outSize;
            bool panels = l == 1 && _schedule.FirstLayerPanels;
            if (toCanonical)
                Layout.ToCanonical<T>(source.Slice(offset, count), destination.Slice(offset, count), inSize, outSize, panels);
            else
                Layout.FromCanonical<T>(source.Slice(offset, count), destination.Slice(offset, count), inSize, outSize, panels);
            offset += count;
        }
    }

    /// <summary>Returns the batch's mean loss against target rows and fills <see cref="Gradients"/> with its gradient.</summary>
    public T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        using (Enter(nameof(ComputeGradients)))
            return Compute(inputs, targets, stepWithSum: false);
    }

    /// <summary>Returns the batch's mean loss against class labels and fills <see cref="Gradients"/> with its gradient.</summary>
    public T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels)
    {
        using (Enter(nameof(ComputeGradients)))
            return Compute(inputs, labels, stepWithSum: false);
    }

    /// <summary>Computes the gradients of the batch's mean loss, then applies the optimizer; returns the loss.</summary>
    public T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets)
    {
        using (Enter(nameof(TrainStep)))
            return AfterGradients(inputs.Length, Compute(inputs, targets, _schedule.StepsWithChunkSums));
    }

    /// <summary>Computes the gradients of the batch's mean loss against labels, then applies the optimizer; returns the loss.</summary>
    public T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels)
    {
        using (Enter(nameof(TrainStep)))
            return AfterGradients(inputs.Length, Compute(inputs, labels, _schedule.StepsWithChunkSums));
    }

    /// <summary>Applies one optimizer step to the parameters using <see cref="Gradients"/>.</summary>
    public void ApplyGradients()
    {
        using (Enter(nameof(ApplyGradients)))
            Step();
    }

    /// <summary>Clears the optimizer's state, as if no step had been taken.</summary>
    public void ResetOptimizer()
    {
        using (Enter(nameof(ResetOptimizer)))
            _optimizer.Reset();
    }

    /// <summary>
    /// Gives <paramref name="copy"/>, the training of a new network of the same class, this one's parameters,
    /// gradients, optimizer state, settings and, where the network drops out, the state of its dropout generator.
    /// The caller holds the guard (<see cref="Enter"/>).
    /// </summary>
    public void CopyTo(NetworkTraining<T> copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        Parameters.CopyTo(copy.Parameters);
        Gradients.CopyTo(copy.Gradients);
        _optimizer.CopyTo(copy._optimizer);
        copy._degreeOfParallelism = _degreeOfParallelism;
        if (Dropout is not null)
            copy.Dropout!.CopyFrom(Dropout);
    }

    /// <summary>The generator of the network's dropout masks, or null when it drops nothing out.</summary>
    internal SeededRandom? Dropout { get; }

    /// <summary>Steps the optimizer has taken since the start or the last reset.</summary>
    internal long OptimizerStep => _optimizer.Step;

    /// <summary>The optimizer's state arrays by PyTorch's names, each in the canonical order of the parameters.</summary>
    internal IEnumerable<(string Name, T[] Values)> ExportOptimizerState()
    {
        foreach (var (name, values) in _optimizer.Arrays)
        {
            var canonical = new T[values.Length];
            Reorder(values.Span, canonical, toCanonical: true);
            yield return (name, canonical);
        }
    }

    /// <summary>The names of the optimizer's state arrays, as <see cref="ExportOptimizerState"/> gives them.</summary>
    internal IEnumerable<string> OptimizerStateNames
    {
        get
        {
            foreach (var (name, _) in _optimizer.Arrays)
                yield return name;
        }
    }

    /// <summary>
    /// Takes a checkpoint's training state: the parameters and each optimizer state array in the canonical order
    /// (every one of <see cref="OptimizerStateNames"/>, checked by the caller), the step count, the learning rate
    /// and the dropout generator's state. Nothing is checked here that the caller has not: it is all or nothing there.
    /// </summary>
    internal void Restore(ReadOnlySpan<T> parameters, IReadOnlyDictionary<string, T[]> optimizerState, long step, T learningRate, ulong[]? dropoutState)
    {
        using (Enter("LoadCheckpoint"))
        {
            Reorder(parameters, Parameters, toCanonical: false);
            foreach (var (name, values) in _optimizer.Arrays)
                Reorder(optimizerState[name], values.Span, toCanonical: false);
            _optimizer.Step = step;
            _optimizer.LearningRate = learningRate;
            if (Dropout is not null && dropoutState is not null)
                Dropout.State = dropoutState;
        }
    }

    private T Compute(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, bool stepWithSum)
    {
        TrainingSchedule s = _schedule;
        int batch = Checks.BatchSize(inputs.Length, s.InputSize, nameof(inputs));
        Checks.Rows(targets.Length, batch, s.OutputSize, nameof(s.OutputSize), nameof(targets));
        CheckBatch(inputs, batch);
        if (s.ProbabilityTargets)
            Checks.Probabilities(targets, nameof(targets));
        else
            Checks.Finite(targets, nameof(targets));
        EnsureCapacity(batch);
        return Compute(inputs, targets, default, batch, stepWithSum);
    }

    private T Compute(ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels, bool stepWithSum)
    {
        TrainingSchedule s = _schedule;
        int batch = Checks.BatchSize(inputs.Length, s.InputSize, nameof(inputs));
        Checks.Labels(labels.Length, batch, nameof(labels));
        CheckBatch(inputs, batch);
        EnsureCapacity(batch);
        if (s.ReadsLabels && batch <= s.ChunkSize)
            return Compute(inputs, default, labels, batch, stepWithSum);
        var targets = new Span<T>(_targets, 0, batch * s.OutputSize);
        Targets.FromLabels<T>(labels, targets, s.OutputSize);
        return Compute(inputs, targets, default, batch, stepWithSum);
    }

    /// <summary>
    /// A training batch: no larger than the scratch rows allow, and finite inputs, unless the batch's own pass scans them
    /// while a helper starts on the first layer's products (<see cref="ChunkedBatch{T}.ScansInputs"/>); there a batch
    /// with bad targets or labels as well is refused for those first.
    /// </summary>
    private void CheckBatch(ReadOnlySpan<T> inputs, int batch)
    {
        Checks.TrainingBatch(batch, _schedule.MaxTrainingBatch, nameof(inputs));
        if (!_chunks.ScansInputs(batch, _degreeOfParallelism))
            Checks.Finite(inputs, nameof(inputs));
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _batchCapacity)
            return;
        _layers.Grow(batch);
        _targets = new T[batch * _schedule.OutputSize];
        _batchCapacity = batch;
    }

    private T Compute(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, ReadOnlySpan<int> labels, int batch, bool stepWithSum)
    {
        _layers.BeginBatch(batch);
        T loss = batch <= _schedule.ChunkSize
            ? _layers.ComputeChunk(inputs, targets, labels, 0, batch, batch, Gradients)
            : _chunks.Compute(inputs, targets, batch, _degreeOfParallelism, stepWithSum);
        return _layers.Penalize(loss, Gradients);
    }

    /// <summary>
    /// TrainStep after the gradients: the optimizer step, once the loss is known to be finite, unless a batch
    /// of several chunks (the inputs are checked by now) has had it with the sum of its chunks.
    /// </summary>
    private T AfterGradients(int inputLength, T loss)
    {
        if (!_schedule.StepsWithChunkSums || inputLength <= (long)_schedule.ChunkSize * _schedule.InputSize)
        {
            Checks.FiniteLoss(loss);
            Step();
        }
        return loss;
    }

    private void Step()
    {
        _optimizer.Step++;
        _chunks.Update(_degreeOfParallelism);
    }

    /// <summary>
    /// Claims the network for the calling thread until the returned guard is disposed: a second thread that
    /// enters a training member meanwhile gets an InvalidOperationException naming its <paramref name="member"/>
    /// (TrainingGuard). Training members of this class claim it themselves; the network's Clone claims it around
    /// making its copy.
    /// </summary>
    public Guard Enter(string member) => new(ref _trainingThread, member);

    /// <summary>Holds the training guard (TrainingGuard) for the calling thread from its making to its disposal.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly ref struct Guard
    {
        private readonly ref int _owner;
        private readonly bool _entered;

        internal Guard(ref int owner, string member)
        {
            _owner = ref owner;
            _entered = TrainingGuard.Enter(ref owner, member);
        }

        /// <summary>Releases the guard when its making claimed it.</summary>
        public void Dispose() => TrainingGuard.Exit(ref _owner, _entered);
    }
}
