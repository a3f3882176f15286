using System;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// The parallel side of a network's training: a batch above one chunk split into chunks whose losses and
/// gradients are summed in chunk order, so that the result is the same on any number of threads; the
/// element-wise work on the parameters (the optimizer step, the sum of chunk gradients) split into fixed
/// blocks when there are threads to spare and enough parameters to pay for them; and, for a split first
/// layer, its products before the chunks and its gradient by blocks of rows after them (split by halves of
/// its panels, <see cref="TrainingSchedule.FirstLayerColumns"/>, by blocks of each half's rows).
/// </summary>
internal sealed unsafe class ChunkedBatch<T> : IChunkWork where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>What <see cref="IChunkWork.RunChunk"/> does with its chunk number.</summary>
    private enum Mode { Gradients, Update, Sum, SumAndUpdate, Finish, FirstProducts, FirstHalfGradients }

    private readonly ITrainingLayers<T> _layers;
    private readonly TrainingSchedule _schedule;
    private readonly T[] _parameters;
    private readonly int _origin;
    private readonly AlignedArray<T> _gradients;
    private readonly OptimizerState<T> _optimizer;
    private T[][] _chunkGradients = [];
    private T[] _chunkLosses = [];
    // The batch, where helper threads can read it, during Compute.
    private T* _inputs, _targets;
    private int _parallelBatch;
    private int _summedChunks;
    private bool _stepWithSum;
    // Whether this batch's FirstHalfGradients ran on their own before the blocks, rather than in each half's first block.
    private bool _halfGradientsFirst;
    private Mode _mode;

    public ChunkedBatch(ITrainingLayers<T> layers, TrainingSchedule schedule, T[] parameters, int origin, AlignedArray<T> gradients, OptimizerState<T> optimizer)
    {
        (_layers, _schedule, _parameters, _origin, _gradients, _optimizer) = (layers, schedule, parameters, origin, gradients, optimizer);
    }

    private Span<T> Parameters => new(_parameters, _origin, _schedule.ParameterCount);

    private Span<T> Gradients => _gradients.Span;

    private bool SplitsFirstLayer => _schedule.FirstWeightBlocks > 0;

    /// <summary>
    /// Whether <see cref="Compute(ReadOnlySpan{T}, ReadOnlySpan{T}, int, int, bool)"/> scans the batch's inputs for values
    /// that are NaN or infinite itself, on the calling thread once the helper has started on its half of the first layer's
    /// products (which write nothing that reaches the parameters), rather than the caller before it starts them.
    /// </summary>
    public bool ScansInputs(int batch, int degreeOfParallelism) => batch > _schedule.ChunkSize && FirstProductsInParallel(degreeOfParallelism);

    /// <summary>Whether a batch of several chunks computes the first layer's halves on several threads, scanning its inputs beside them.</summary>
    private bool FirstProductsInParallel(int degreeOfParallelism) => degreeOfParallelism > 1 && SplitsFirstLayer;

    /// <summary>The halves a split first layer's blocks of rows are taken in: two when it splits by halves of its panels.</summary>
    private int FirstLayerHalves => _schedule.FirstLayerColumns ? 2 : 1;

    /// <summary>
    /// The mean loss of a batch of several chunks, with its gradient in the network's gradients; with
    /// <paramref name="stepWithSum"/>, once the loss is known to be finite, also the optimizer step, on each
    /// block of parameters right after its sum.
    /// </summary>
    public T Compute(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batch, int degreeOfParallelism, bool stepWithSum)
    {
        TrainingSchedule s = _schedule;
        int chunks = (batch + s.ChunkSize - 1) / s.ChunkSize;
        if (_chunkGradients.Length < chunks)
        {
            int old = _chunkGradients.Length;
            Array.Resize(ref _chunkGradients, chunks);
            for (int c = old; c < chunks; c++)
                _chunkGradients[c] = new T[s.ParameterCount];
            _chunkLosses = new T[chunks];
        }
        _stepWithSum = stepWithSum;
        if (degreeOfParallelism <= 1)
            return Compute(inputs, targets, batch, chunks, degreeOfParallelism);
        // Helper threads read the caller's batch in place, pinned for the call, since a span cannot be handed to
        // another thread: a copy for them took 31 us of a 650 us two-thread step (784-256-10, batch 128), on the
        // calling thread while the helper waited.
        fixed (T* inputsAt = inputs, targetsAt = targets)
        {
            _inputs = inputsAt;
            _targets = targetsAt;
            _parallelBatch = batch;
            try
            {
                return Compute(inputs, targets, batch, chunks, degreeOfParallelism);
            }
            finally
            {
                _inputs = null;
                _targets = null;
            }
        }
    }

    /// <summary>
    /// The chunks, then the loss, the sums of the chunks' gradients and the optimizer step; on several threads, the
    /// helpers read the batch through <see cref="_inputs"/> and <see cref="_targets"/>, pinned by the caller.
    /// </summary>
    private T Compute(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batch, int chunks, int degreeOfParallelism)
    {
        TrainingSchedule s = _schedule;
        if (degreeOfParallelism > 1)
        {
            if (FirstProductsInParallel(degreeOfParallelism))
                FirstProductsAfterScan(inputs, batch, degreeOfParallelism);
            bool helped = ChunkWorkers.Begin(this, chunks, degreeOfParallelism, reserveFirst: true);
            try
            {
                _chunkLosses[0] = ComputeChunk(inputs, targets, 0, batch);
            }
            finally
            {
                if (helped)
                    ChunkWorkers.End();
            }
        }
        else
        {
            if (SplitsFirstLayer)
            {
                _layers.FirstProducts(0, inputs, batch);
                _layers.FirstProducts(1, inputs, batch);
            }
            for (int c = 0; c < chunks; c++)
                _chunkLosses[c] = ComputeChunk(inputs, targets, c, batch);
        }
        _summedChunks = chunks;
        T loss = Reduction.Sum<T>(_chunkLosses, chunks);
        // The optimizer steps below only when the loss is finite, so a bad batch leaves the parameters as they were.
        if (_stepWithSum)
        {
            Checks.FiniteLoss(loss);
            _optimizer.Step++;
        }
        if (SplitsFirstLayer)
        {
            int blocks = s.FirstWeightBlocks * FirstLayerHalves + 1;
            bool inParallel = InParallel(degreeOfParallelism);
            // Each half's blocks of rows read the gradient at its outputs. On two threads, which take a half's blocks each
            // in order, the first block computes it; on more, which share a half's blocks, it comes first.
            _halfGradientsFirst = inParallel && s.FirstLayerColumns && degreeOfParallelism > 2;
            if (_halfGradientsFirst)
                Run(Mode.FirstHalfGradients, 2, degreeOfParallelism, fixedShares: true);
            if (inParallel)
                Run(Mode.Finish, blocks, degreeOfParallelism, fixedShares: true);
            else
                for (int block = 0; block < blocks; block++)
                    FinishBlock(block, inputs, batch);
        }
        else if (_stepWithSum)
        {
            if (InParallel(degreeOfParallelism))
                Run(Mode.SumAndUpdate, s.ParameterBlocks, degreeOfParallelism);
            else
                for (int block = 0; block < s.ParameterBlocks; block++)
                    SumAndUpdate(block);
        }
        else if (InParallel(degreeOfParallelism))
            Run(Mode.Sum, s.ParameterBlocks, degreeOfParallelism);
        else
            Reduction.Sum<T>(_chunkGradients, chunks, Gradients, 0, s.ParameterCount);
        return loss;
    }

    /// <summary>The optimizer step on every parameter, by blocks on several threads where that pays.</summary>
    public void Update(int degreeOfParallelism)
    {
        if (InParallel(degreeOfParallelism))
            Run(Mode.Update, _schedule.ParameterBlocks, degreeOfParallelism);
        else
            _optimizer.Update(Parameters, Gradients, 0, _schedule.ParameterCount);
    }

    /// <summary>
    /// The first layer's halves on several threads, the helpers started first: the caller scans the inputs (<see
    /// cref="ScansInputs"/>) before its own half, since a helper starts a few microseconds late and reads the inputs
    /// from further out than the caller, which has just scanned them. Scanned before the helper started, 784-256-10 at
    /// batch 128 took 311.6 and 320.4 us a two-thread step on Zen 5 cores, against 304.8 and 313.0 (p10 and median of
    /// alternating rounds).
    /// </summary>
    private void FirstProductsAfterScan(ReadOnlySpan<T> inputs, int batch, int degreeOfParallelism)
    {
        _mode = Mode.FirstProducts;
        bool helped = ChunkWorkers.Begin(this, 2, degreeOfParallelism, reserveFirst: true, fixedShares: true);
        try
        {
            Checks.Finite(inputs, nameof(inputs));
            _layers.FirstProducts(0, inputs, batch);
        }
        finally
        {
            if (helped)
                ChunkWorkers.End();
            _mode = Mode.Gradients;
        }
    }

    private bool InParallel(int degreeOfParallelism) => degreeOfParallelism > 1 && _schedule.ParameterCount >= _schedule.ParallelParameterCount;

    private void Run(Mode mode, int count, int degreeOfParallelism, bool fixedShares = false)
    {
        _mode = mode;
        ChunkWorkers.Run(this, count, degreeOfParallelism, fixedShares);
        _mode = Mode.Gradients;
    }

    private T ComputeChunk(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int chunk, int batch)
    {
        TrainingSchedule s = _schedule;
        int first = chunk * s.ChunkSize;
        int count = Math.Min(s.ChunkSize, batch - first);
        return _layers.ComputeChunk(inputs.Slice(first * s.InputSize, count * s.InputSize), targets.Slice(first * s.OutputSize, count * s.OutputSize),
            default, first, count, batch, _chunkGradients[chunk]);
    }

    /// <summary>The parameters [start, start + length) of block <paramref name="block"/> of the schedule's parameter blocks.</summary>
    private (int Start, int Length) ParameterBlock(int block)
    {
        int count = _schedule.ParameterCount, blocks = _schedule.ParameterBlocks;
        int start = (int)((long)count * block / blocks);
        return (start, (int)((long)count * (block + 1) / blocks) - start);
    }

    /// <summary>One block of parameters: its chunk gradients summed, then its optimizer step.</summary>
    private void SumAndUpdate(int block)
    {
        (int start, int length) = ParameterBlock(block);
        Reduction.Sum<T>(_chunkGradients, _summedChunks, Gradients, start, length);
        _optimizer.Update(Parameters, Gradients, start, length);
    }

    /// <summary>
    /// Block <paramref name="block"/> of the gradient of a batch of several chunks when the first layer is
    /// split: a block of its weight rows (of one half's panels, when split by halves of its panels), computed over
    /// the whole batch, or (the last block) every parameter past them, those of the chunks summed in order; then,
    /// within TrainStep, the optimizer step on those parameters (split by halves of its panels, on one or two threads,
    /// on the whole half's weights after its last block). The blocks are fixed, so the result is the same on any number
    /// of threads.
    /// </summary>
    private void FinishBlock(int block, ReadOnlySpan<T> inputs, int batch)
    {
        TrainingSchedule s = _schedule;
        int blocks = s.FirstWeightBlocks, halves = FirstLayerHalves, rowSize = s.LayerOutputSize(1);
        if (block < blocks * halves)
        {
            int half = block / blocks;
            block %= blocks;
            if (s.FirstLayerColumns && block == 0 && !_halfGradientsFirst)
                FirstHalfGradients(half, batch);
            // Blocks start on a multiple of eight rows, the height of the product kernel's row blocks.
            int firstRow = block * s.InputSize / blocks / 8 * 8;
            int endRow = block == blocks - 1 ? s.InputSize : (block + 1) * s.InputSize / blocks / 8 * 8;
            if (s.FirstLayerColumns)
                _layers.FirstHalfWeightRows(half, inputs, batch, Gradients, firstRow, endRow - firstRow);
            else
                _layers.FirstWeightRows(inputs, batch, Gradients, firstRow, endRow - firstRow);
            if (!_stepWithSum)
                return;
            // Input-major, the block's rows are one range of the parameters; panel by panel, a range in each of its half's panels.
            int width = s.FirstLayerPanels ? Layout.PanelWidth<T>() : rowSize;
            int panels = rowSize / width / halves;
            // Where each half's blocks run in order on one thread (on one or two threads), the half's weights take the step
            // after its last block, as one run. A block at a time, right after its gradient, 784-256-10 at batch 128 took
            // 577-600 us a one-thread step instead of 567-589 (p10 and median of alternating rounds on a Zen 5 core), and
            // 320-346 instead of 318-343 on two threads: the step on a block's rows was 32 short runs, each restarting its
            // four streams.
            if (s.FirstLayerColumns && !_halfGradientsFirst)
            {
                if (block == blocks - 1)
                    _optimizer.Update(Parameters, Gradients, half * panels * s.InputSize * width, panels * s.InputSize * width);
                return;
            }
            for (int panel = half * panels; panel < (half + 1) * panels; panel++)
                _optimizer.Update(Parameters, Gradients, panel * s.InputSize * width + firstRow * width, (endRow - firstRow) * width);
            return;
        }
        // From the bias computed over the whole batch on: layer 1's, or split by halves of its panels layer 2's, layer 1's
        // bias and layer 2's weights coming with the halves' gradients. The chunks' gradients start right after it.
        int biasLayer = s.FirstLayerColumns ? 2 : 1;
        if (s.FirstLayerColumns)
            _layers.SecondBias(batch, Gradients);
        else
            _layers.FirstBias(batch, Gradients);
        int rest = s.LayerBias(biasLayer), fromChunks = rest + s.LayerOutputSize(biasLayer);
        if (fromChunks < s.ParameterCount)
            Reduction.Sum<T>(_chunkGradients, _summedChunks, Gradients, fromChunks, s.ParameterCount - fromChunks);
        if (_stepWithSum)
            _optimizer.Update(Parameters, Gradients, rest, s.ParameterCount - rest);
    }

    /// <summary>
    /// For a first layer split by halves of its panels: the gradients of half <paramref name="half"/>'s outputs, of its
    /// bias and of layer 2's weight rows that read it, then, within TrainStep, the optimizer step on those parameters.
    /// </summary>
    private void FirstHalfGradients(int half, int batch)
    {
        _layers.FirstHalfGradients(half, batch, Gradients);
        if (!_stepWithSum)
            return;
        int halfSize = _schedule.LayerOutputSize(1) / 2, secondRows = halfSize * _schedule.LayerOutputSize(2);
        _optimizer.Update(Parameters, Gradients, _schedule.LayerBias(1) + half * halfSize, halfSize);
        _optimizer.Update(Parameters, Gradients, _schedule.LayerWeights(2) + half * secondRows, secondRows);
    }

    private ReadOnlySpan<T> ParallelInputs => new(_inputs, _parallelBatch * _schedule.InputSize);

    private ReadOnlySpan<T> ParallelTargets => new(_targets, _parallelBatch * _schedule.OutputSize);

    /// <summary>One piece of parallel work: a batch chunk, or a block of parameters to update or to sum.</summary>
    void IChunkWork.RunChunk(int chunk)
    {
        switch (_mode)
        {
            case Mode.Gradients:
                _chunkLosses[chunk] = ComputeChunk(ParallelInputs, ParallelTargets, chunk, _parallelBatch);
                break;
            case Mode.FirstProducts:
                _layers.FirstProducts(chunk, ParallelInputs, _parallelBatch);
                break;
            case Mode.Finish:
                FinishBlock(chunk, ParallelInputs, _parallelBatch);
                break;
            case Mode.FirstHalfGradients:
                FirstHalfGradients(chunk, _parallelBatch);
                break;
            case Mode.SumAndUpdate:
                SumAndUpdate(chunk);
                break;
            case Mode.Update:
                (int start, int length) = ParameterBlock(chunk);
                _optimizer.Update(Parameters, Gradients, start, length);
                break;
            default:
                (start, length) = ParameterBlock(chunk);
                Reduction.Sum<T>(_chunkGradients, _summedChunks, Gradients, start, length);
                break;
        }
    }
}
