using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

internal static partial class Planner
{
    /// <summary>From this many samples on, transposing the weights costs less than the dot products it replaces.</summary>
    public const int TransposeFromBatch = 16;

    /// <summary>
    /// Element-wise work on the parameters (the optimizer step, the sum of chunk gradients) is split into
    /// this many fixed blocks when there are threads to spare and at least <see cref="ParallelParameterCount"/>
    /// parameters to pay for them.
    /// </summary>
    public const int ParameterBlocks = 8;

    /// <inheritdoc cref="ParameterBlocks"/>
    public const int ParallelParameterCount = 65536;

    /// <summary>The most elements a .NET array holds (Array.MaxLength, which netstandard2.0 does not name).</summary>
    public const long ArrayMaxLength = 0x7FFFFFC7;

    private static TrainingPlan PlanTraining(NetworkShape network, FirstPairPlan? firstPair, LayerPlan firstLayer)
    {
        NetworkSpec spec = network.Spec;
        int rowsBatchLimit = RowsBatchLimit(spec, firstPair?.Padding ?? 0);
        int chunkSize = ChunkSize(spec, rowsBatchLimit);
        bool split = SplitsFirstLayerByRows(network);
        FirstLayerSplitPlan? splitPlan = split ? PlanFirstLayerSplit(network, firstLayer) : null;
        bool penalizes = spec.L1 != 0 || spec.L2 != 0;
        return new TrainingPlan(
            ChunkSize: chunkSize,
            RowsBatchLimit: rowsBatchLimit,
            MaxTrainingBatch: MaxTrainingBatch(spec, splitPlan, rowsBatchLimit, chunkSize),
            TransposeFromBatch: TransposeFromBatch,
            // A classifier whose loss reads class labels as they are; the other losses, and batches of more
            // than one chunk (whose helper threads read copies of the batch), go through target rows.
            ReadsLabels: spec.Loss == LossKind.CrossEntropy && network.FinalLayer.OutputSize >= 2,
            ParameterBlocks: ParameterBlocks,
            ParallelParameterCount: ParallelParameterCount,
            PenalizesWeights: penalizes,
            // Weight penalties add to the gradient after the chunks are summed, so the step waits for them.
            OptimizerStep: penalizes ? OptimizerStepPlacement.AfterGradients : OptimizerStepPlacement.WithChunkSums,
            FirstLayerSplit: splitPlan,
            FirstPair: firstPair);
    }

    /// <summary>
    /// Samples a chunk holds: about a million floating-point operations of training work (6·Σ in·out a
    /// sample), a power of two from 64 to 4096, so that splitting pays only where a chunk is worth a thread.
    /// </summary>
    private static int ChunkSize(NetworkSpec spec, int rowsBatchLimit)
    {
        long flopsPerSample = 6L * spec.Layers.Sum(l => (long)l.WeightCount);
        int size = 64;
        while (size < 4096 && (long)size * flopsPerSample < (1 << 20))
            size *= 2;
        // A layer so wide that fewer samples fit in its rows never splits a batch.
        return System.Math.Min(size, rowsBatchLimit);
    }

    /// <summary>The most samples whose rows of every batch's scratch (layer outputs and deltas, inputs, targets) fit in an array.</summary>
    private static int RowsBatchLimit(NetworkSpec spec, int firstLayerPadding) =>
        (int)((ArrayMaxLength - firstLayerPadding) / System.Math.Max(spec.InputSize, spec.Layers.Max(l => (long)l.OutputSize)));

    /// <summary>
    /// The largest training batch whose per-sample scratch fits in a .NET array: the widest row a sample
    /// takes (a layer's outputs, a copy of the inputs or the targets, and for a batch of several chunks
    /// the two halves of the first layer's products, or of layer 2's where it splits by halves of its
    /// panels) times the batch, plus the padding after the first layer's rows, at most Array.MaxLength.
    /// </summary>
    private static int MaxTrainingBatch(NetworkSpec spec, FirstLayerSplitPlan? split, int rowsBatchLimit, int chunkSize) =>
        split is not null && rowsBatchLimit > chunkSize
            // Batches of several chunks also keep the first layer's products in two halves over the batch.
            ? System.Math.Max(chunkSize, (int)System.Math.Min(rowsBatchLimit, ArrayMaxLength / (2L * FirstProductsWidth(spec, split))))
            : rowsBatchLimit;

    /// <summary>The row of a sample in each half of the products a split first layer computes before the chunks (FirstProducts).</summary>
    public static int FirstProductsWidth(NetworkSpec spec, FirstLayerSplitPlan split) =>
        System.Math.Max(spec.Layers[0].OutputSize, split.HalfColumns > 0 ? spec.Layers[1].OutputSize : 0);

    /// <summary>
    /// Whether a batch of several chunks splits layer 1 by its weight rows rather than by samples. Its
    /// forward product runs first, in two halves of the rows (<c>FirstProducts</c>), which the chunks
    /// add up; its gradients are left out of the chunks and computed afterwards over the whole batch, a
    /// block of weight rows at a time (<c>FinishBlock</c>), each followed by its optimizer step. On two
    /// threads each thread then reads, differentiates and updates only its own half of the weights,
    /// usually the network's largest: split by samples, every step's weights, gradients and moments
    /// would cross between the cores. Layers small enough to unroll keep the chunk form, where their
    /// fused kernels compute them.
    /// </summary>
    private static bool SplitsFirstLayerByRows(NetworkShape network) => !network.IsUnrolled(1);

    private static FirstLayerSplitPlan PlanFirstLayerSplit(NetworkShape network, LayerPlan firstLayer)
    {
        int inputSize = network.Spec.InputSize;
        // Blocks of layer 1's weight rows: about eight, each at least eight rows.
        int blocks = System.Math.Max(1, System.Math.Min(8, inputSize / 8));
        // Where layer 1's weight rows split in two for its forward product over a batch of several chunks:
        // the first row of the middle block, so that each half is a whole number of FinishBlock blocks.
        int halfRow = blocks / 2 * inputSize / blocks / 8 * 8;
        return new FirstLayerSplitPlan(blocks, halfRow, SplitsFirstLayerByColumns(network, firstLayer) ? network.Layer(1).OutputSize / 2 : 0);
    }

    /// <summary>
    /// Whether, where layer 1 holds its weights panel by panel (decided at run time), a batch of several chunks splits it
    /// by halves of its panels, its outputs, rather than by its weight rows. Each half is then a layer of its own, one
    /// contiguous run of weights, gradients and moments: its product, activation and part of layer 2's product run
    /// before the chunks, which start from layer 2's pre-activation and stop at its gradient; its gradients, layer 2's
    /// weight rows of that half and their optimizer step run after them. On two threads each core reads and writes only
    /// its own half, and the cores exchange layer 2's pre-activation and gradient alone: split by rows, each chunk read the
    /// other core's half of layer 1's products and each block of rows the other core's half of its gradient, which cost
    /// a 784-256-10 step at batch 128 on two Zen 5 cores about 45 of its 350 us. Layer 1's derivative must read its
    /// outputs alone, with no dropout between the layers.
    /// </summary>
    private static bool SplitsFirstLayerByColumns(NetworkShape network, LayerPlan firstLayer)
    {
        DenseLayerSpec first = network.Layer(1);
        return network.LayerCount >= 2 && firstLayer.PanelWidth > 0 && first.OutputSize % (2 * firstLayer.PanelWidth) == 0
            && !first.HasDropout && !firstLayer.KeepsPreActivation && first.Activation != ActivationKind.Softmax;
    }

    /// <summary>
    /// Whether the backward passes of layers 2 and 1 run as one loop over the batch whose vectors lie
    /// along layer 1's output row: both layers small enough to unroll, layer 1's derivative element-wise
    /// and nothing (dropout) between them. Then layer 2's input gradient, layer 1's derivative and
    /// layer 1's gradients stay in registers, and no gradient sum goes through memory each sample.
    /// </summary>
    private static FirstPairPlan? PlanFirstPair(NetworkShape network)
    {
        if (network.LayerCount < 2)
            return null;
        DenseLayerSpec first = network.Layer(1), second = network.Layer(2);
        bool fuses = network.IsUnrolled(1) && !network.IsVectorRows(1)
            && network.IsUnrolled(2) && !network.IsVectorRows(2)
            && !first.HasDropout
            && first.Activation is ActivationKind.Identity or ActivationKind.Sigmoid or ActivationKind.Tanh;
        if (!fuses)
            return null;
        int lanes = network.Lanes(128);
        int vectors = (first.OutputSize + lanes - 1) / lanes;
        // Values past the last row of layer 1's output that the fused pair's last vector reads: it reads
        // whole vectors, and lanes past a row's end only feed sums that are never written out.
        return new FirstPairPlan(lanes, vectors, vectors * lanes - first.OutputSize);
    }
}
