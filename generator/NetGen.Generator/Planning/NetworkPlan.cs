using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Every decision about how one network is written, made by <see cref="Planner"/> from its
/// <see cref="NetworkSpec"/>: the emitter writes this and the spec, and decides nothing.
/// </summary>
internal sealed record NetworkPlan(
    EquatableArray<LayerPlan> Layers,
    TrainingPlan Training,
    InferencePlan Inference,
    int Vector128Lanes,
    double OutputThreshold);

/// <summary>
/// One layer's forms. <see cref="ForwardVectors"/> is the number of Vector128s of an
/// <see cref="ForwardForm.UnrolledVectors"/> output row (else 0); <see cref="AppliesPreviousDerivative"/>
/// says whether a <see cref="BackwardForm.VectorRows"/> backward applies the previous layer's activation
/// derivative with the input gradient; <see cref="KeepsPreActivation"/> says whether training keeps the layer's
/// pre-activation in a buffer of its own (its activation's derivative reads it) and applies the activation out
/// of place; <see cref="FusesActivation"/> says whether the product kernel applies the layer's activation to each block of
/// rows it completes (<c>Dense.Forward</c> with the activation) instead of a pass over the rows after it; <see cref="PanelWidth"/> is the outputs of a panel where the layer keeps its weights panel by panel on a
/// core whose products read panels (decided at run time, <c>Layout.HoldsPanels</c>), else 0; <see cref="PaddedRow"/> and <see cref="SampleRow"/> are the length and
/// start of its row in one sample's scratch.
/// </summary>
internal sealed record LayerPlan(
    int Number,
    ForwardForm Forward,
    BackwardForm Backward,
    int ForwardVectors,
    bool AppliesPreviousDerivative,
    bool KeepsPreActivation,
    bool FusesActivation,
    bool TransposedForInputGradient,
    bool SplitByRows,
    int PanelWidth,
    int PaddedRow,
    int SampleRow);

/// <summary>
/// The training schedule: the chunks a batch splits into, the largest batch, the blocks that element-wise
/// work on the parameters splits into and from how many parameters, whether weight penalties add to the
/// loss, where the optimizer step runs, and the fusions that span layers.
/// </summary>
internal sealed record TrainingPlan(
    int ChunkSize,
    int RowsBatchLimit,
    int MaxTrainingBatch,
    int TransposeFromBatch,
    bool ReadsLabels,
    int ParameterBlocks,
    int ParallelParameterCount,
    bool PenalizesWeights,
    OptimizerStepPlacement OptimizerStep,
    FirstLayerSplitPlan? FirstLayerSplit,
    FirstPairPlan? FirstPair);

/// <summary>
/// Layer 1 split for a batch of several chunks: its blocks of weight rows, the row where its two halves meet when it
/// splits by rows, and the outputs of each half where it splits by halves of its panels instead (0 when it never does).
/// </summary>
internal sealed record FirstLayerSplitPlan(int WeightBlocks, int HalfRow, int HalfColumns);

/// <summary>
/// The fused backward pass of layers 2 and 1: the Vector128 lanes and vectors of layer 1's row, and the
/// values past the last row of layer 1's output that its last vector reads.
/// </summary>
internal sealed record FirstPairPlan(int Lanes, int Vectors, int Padding);

/// <summary>
/// Inference: the samples a batch's Forward runs at a time, one sample's padded scratch, whether the
/// output is copied value by value, and the one-sample path in registers where the network has one.
/// </summary>
internal sealed record InferencePlan(
    int ForwardPiece,
    int SamplePadding,
    int SampleLength,
    bool CopiesOutputByValue,
    RegisterPathPlan? RegisterPath);

/// <summary>
/// The one-sample path written out in registers: one method per vector width, widest first, and the
/// widths left out for the budget (<see cref="KernelWidths"/>), whose hardware runs each layer's kernel.
/// </summary>
internal sealed record RegisterPathPlan(EquatableArray<RegisterWidthPlan> Widths, EquatableArray<int> KernelWidths, int StackRowsLength);

/// <summary>The path of one width, named by the widest vector it uses; its layers up to the one that ends it.</summary>
internal sealed record RegisterWidthPlan(int Bits, EquatableArray<RegisterLayerPlan> Layers);

/// <summary>
/// One layer on a register path: the width it runs at and its lanes, its output vectors (for a dot
/// product, the previous layer's), the partial sums of each, whether its row is stored for a later
/// read, and whether the final outputs go from the register straight to the caller.
/// </summary>
internal sealed record RegisterLayerPlan(
    RegisterLayerForm Form,
    int Bits,
    int Lanes,
    int Vectors,
    int PartialSums,
    bool StoresRow,
    bool OutputsFromRegister);
