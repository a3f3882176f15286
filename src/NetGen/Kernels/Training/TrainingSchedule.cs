using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// The sizes and the plan of a generated network's training, as constants of its generator: its layers'
/// sizes, which give the sizes a batch is checked against and the parameters' layout, the chunks it splits into, the blocks that element-wise work on the parameters
/// splits into, where the optimizer step runs, and the layout of a first layer split by rows.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TrainingSchedule
{
    /// <summary>The sizes and the plan every network has.</summary>
    /// <param name="layerSizes">The input size, then each layer's output size, in order.</param>
    /// <param name="chunkSize">Samples of a chunk: larger batches split into chunks whose gradients are summed in chunk order.</param>
    /// <param name="maxTrainingBatch">The most samples a training call takes, those whose scratch rows fit in an array.</param>
    /// <param name="parameterBlocks">The fixed blocks that element-wise work on the parameters splits into on several threads.</param>
    /// <param name="parallelParameterCount">The fewest parameters for which that work runs on several threads.</param>
    public TrainingSchedule(int[] layerSizes, int chunkSize, int maxTrainingBatch, int parameterBlocks, int parallelParameterCount)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentOutOfRangeException.ThrowIfLessThan(layerSizes.Length, 2);
        foreach (int size in layerSizes)
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(layerSizes));
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrainingBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterBlocks, 1);
        _layerSizes = (int[])layerSizes.Clone();
        for (int l = 1; l < layerSizes.Length; l++)
            ParameterCount += (layerSizes[l - 1] + 1) * layerSizes[l];
        (ChunkSize, MaxTrainingBatch, ParameterBlocks, ParallelParameterCount) = (chunkSize, maxTrainingBatch, parameterBlocks, parallelParameterCount);
    }

    private readonly int[] _layerSizes;

    /// <summary>The number of layers.</summary>
    public int LayerCount => _layerSizes.Length - 1;

    /// <summary>The input size of layer <paramref name="layer"/>, from 1.</summary>
    public int LayerInputSize(int layer) => _layerSizes[layer - 1];

    /// <summary>The output size of layer <paramref name="layer"/>, from 1.</summary>
    public int LayerOutputSize(int layer) => _layerSizes[layer];

    /// <summary>Values in one input sample.</summary>
    public int InputSize => _layerSizes[0];

    /// <summary>Values in one output sample.</summary>
    public int OutputSize => _layerSizes[^1];

    /// <summary>Weights and biases.</summary>
    public int ParameterCount { get; }

    /// <summary>Samples of a chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>The most samples a training call takes.</summary>
    public int MaxTrainingBatch { get; }

    /// <summary>The fixed blocks that element-wise work on the parameters splits into on several threads.</summary>
    public int ParameterBlocks { get; }

    /// <summary>The fewest parameters for which element-wise work on them runs on several threads.</summary>
    public int ParallelParameterCount { get; }

    /// <summary>
    /// True when TrainStep runs the optimizer step on each block of a batch's summed chunk gradients right
    /// after its sum, while the block is still in cache, rather than after the whole gradient is known.
    /// </summary>
    public bool StepsWithChunkSums { get; init; }

    /// <summary>True when targets must be probabilities, from 0 to 1 (binary cross-entropy), rather than merely finite.</summary>
    public bool ProbabilityTargets { get; init; }

    /// <summary>True when a batch of one chunk reads class labels as they are, rather than as target rows.</summary>
    public bool ReadsLabels { get; init; }

    /// <summary>
    /// For a first layer split by weight rows on a batch of several chunks, the blocks of its rows that are
    /// computed over the whole batch after the chunks (one more block holds every other parameter); 0 when
    /// it is not split.
    /// </summary>
    public int FirstWeightBlocks { get; init; }
}
