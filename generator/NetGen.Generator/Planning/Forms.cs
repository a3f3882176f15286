namespace NetGen.Generator.Planning;

/// <summary>How a layer's forward product over a batch is written.</summary>
internal enum ForwardForm
{
    /// <summary>One scalar statement per output, every weight at a constant offset.</summary>
    Unrolled,

    /// <summary>Unrolled along the output row in Vector128s, each lane the scalar statements' operations.</summary>
    UnrolledVectors,

    /// <summary><c>Dense.ForwardVectorRows</c>: the products run along an input row that is one Vector256.</summary>
    VectorRows,

    /// <summary><c>Dense.Forward</c>, the register-blocked product kernel.</summary>
    ProductKernel,
}

/// <summary>How a layer's backward pass (its gradients and the gradient at its input) is written.</summary>
internal enum BackwardForm
{
    /// <summary>One scalar statement per weight gradient and input gradient.</summary>
    Unrolled,

    /// <summary><c>Dense.BackwardVectorRows</c>, along an input row that is one Vector256.</summary>
    VectorRows,

    /// <summary><c>Dense.BackwardWeights</c> and, past the first layer, <c>Dense.BackwardInput</c>.</summary>
    ProductKernel,

    /// <summary>Layers 2 and 1 in one loop over the batch, layer 1's row in Vector128s (<see cref="FirstPairPlan"/>).</summary>
    FusedFirstPair,
}

/// <summary>How one layer of the one-sample path in registers is written.</summary>
internal enum RegisterLayerForm
{
    /// <summary>Each input broadcast and multiplied into the output vectors' partial sums.</summary>
    BroadcastInputs,

    /// <summary>
    /// The same statements for one input of each partial sum, in a loop over the inputs with a constant
    /// bound; the inputs past the last whole step follow the loop as statements.
    /// </summary>
    BroadcastInputsLoop,

    /// <summary>A final single output: a dot product of the previous layer's registers with its weight column.</summary>
    DotWithPrevious,
}

/// <summary>When the optimizer step runs for a batch of several chunks.</summary>
internal enum OptimizerStepPlacement
{
    /// <summary>After the whole gradient is known, in <c>ApplyGradients</c>.</summary>
    AfterGradients,

    /// <summary>On each block of parameters right after its chunk gradients are summed, while the block is in cache.</summary>
    WithChunkSums,
}
