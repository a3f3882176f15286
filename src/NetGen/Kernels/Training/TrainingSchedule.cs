using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// The plan of a generated network's training, as constants of its generator, beside the network it
/// trains (whose layers give the sizes a batch is checked against, the parameters' layout and the
/// optimizer): the chunks a batch splits into, the blocks that element-wise work on the parameters
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
    /// <summary>The plan every network has.</summary>
    /// <param name="network">The network's declaration: its layers, in order, and its optimizer.</param>
    /// <param name="chunkSize">Samples of a chunk: larger batches split into chunks whose gradients are summed in chunk order.</param>
    /// <param name="maxTrainingBatch">The most samples a training call takes, those whose scratch rows fit in an array.</param>
    /// <param name="parameterBlocks">The fixed blocks that element-wise work on the parameters splits into on several threads.</param>
    /// <param name="parallelParameterCount">The fewest parameters for which that work runs on several threads.</param>
    public TrainingSchedule(NetworkDescription network, int chunkSize, int maxTrainingBatch, int parameterBlocks, int parallelParameterCount)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrainingBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterBlocks, 1);
        Network = network;
        (ChunkSize, MaxTrainingBatch, ParameterBlocks, ParallelParameterCount) = (chunkSize, maxTrainingBatch, parameterBlocks, parallelParameterCount);
    }

    /// <summary>The network's declaration.</summary>
    public NetworkDescription Network { get; }

    /// <summary>The number of layers.</summary>
    public int LayerCount => Network.Layers.Count;

    /// <summary>The input size of layer <paramref name="layer"/>, counted from 1.</summary>
    public int LayerInputSize(int layer) => Network.Layers[layer - 1].InputSize;

    /// <summary>The output size of layer <paramref name="layer"/>, counted from 1.</summary>
    public int LayerOutputSize(int layer) => Network.Layers[layer - 1].OutputSize;

    /// <summary>Where layer <paramref name="layer"/>'s weights start in the parameters, counted from 1.</summary>
    public int LayerWeights(int layer) => Network.Layers[layer - 1].ParameterOffset;

    /// <summary>Where layer <paramref name="layer"/>'s bias starts in the parameters, counted from 1.</summary>
    public int LayerBias(int layer) => LayerWeights(layer) + Network.Layers[layer - 1].WeightCount;

    /// <summary>The values in one input sample.</summary>
    public int InputSize => Network.InputSize;

    /// <summary>The values in one output sample.</summary>
    public int OutputSize => Network.OutputSize;

    /// <summary>The number of weights and biases.</summary>
    public int ParameterCount => Network.ParameterCount;

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

    /// <summary>True when the first layer keeps its weights panel by panel (<see cref="Layout.HoldsPanels{T}"/>), as do its gradients and optimizer state.</summary>
    public bool FirstLayerPanels { get; init; }

    /// <summary>
    /// True when a split first layer splits by halves of its panels rather than by weight rows: each half of its outputs
    /// a contiguous run of its weights, computed with its part of layer 2 before the chunks and differentiated after them.
    /// </summary>
    public bool FirstLayerColumns { get; init; }
}
