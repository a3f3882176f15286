using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// The shape-specific half of a generated network's training, which <see cref="NetworkTraining{T}"/> calls
/// back into: the layers' forward and backward passes over a chunk of a batch, the per-sample scratch they
/// run in. The generated class implements it on a private nested type,
/// so that its only public interface stays <see cref="INetwork{T}"/>. The members with a body are those
/// only some shapes need.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITrainingLayers<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Allocates the per-sample scratch rows for batches of up to <paramref name="batch"/> samples; called only to grow them.</summary>
    void Grow(int batch);

    /// <summary>
    /// Rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of a batch of
    /// <paramref name="batch"/> samples, given as <paramref name="inputs"/> and <paramref name="targets"/> (or,
    /// when targets are empty, <paramref name="labels"/>) of those rows alone: returns their share of the
    /// batch's mean loss and writes the sum of their gradients into <paramref name="gradients"/>.
    /// </summary>
    T ComputeChunk(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, ReadOnlySpan<int> labels, int first, int count, int batch, Span<T> gradients);

    /// <summary>Work before the chunks of a batch of <paramref name="batch"/> samples (dropout masks, transposed weights); none by default.</summary>
    void BeginBatch(int batch)
    {
    }

    /// <summary>The batch's <paramref name="loss"/> with the weight penalties added, their gradients added to <paramref name="gradients"/>; the loss unchanged by default.</summary>
    T Penalize(T loss, Span<T> gradients) => loss;

    /// <summary>
    /// For a split first layer: half <paramref name="half"/> (0 or 1) of its product over the whole batch, before the
    /// chunks. Split by rows, the part its half of the weight rows contributes; split by halves of its panels
    /// (<see cref="TrainingSchedule.FirstLayerColumns"/>), its half of the outputs, activated, and the part of layer 2's
    /// product they contribute.
    /// </summary>
    void FirstProducts(int half, ReadOnlySpan<T> inputs, int batch) => throw new NotSupportedException();

    /// <summary>
    /// For a first layer split by halves of its panels, after the chunks: the gradient at half <paramref name="half"/>
    /// of its outputs over the whole batch, from layer 2's; the gradient of its bias there and of layer 2's weight rows
    /// that read that half, into <paramref name="gradients"/>.
    /// </summary>
    void FirstHalfGradients(int half, int batch, Span<T> gradients) => throw new NotSupportedException();

    /// <summary>
    /// For a first layer split by halves of its panels: the gradient of weight rows [<paramref name="firstRow"/>,
    /// <paramref name="firstRow"/> + <paramref name="rows"/>) of half <paramref name="half"/>'s panels over the whole batch.
    /// </summary>
    void FirstHalfWeightRows(int half, ReadOnlySpan<T> inputs, int batch, Span<T> gradients, int firstRow, int rows) => throw new NotSupportedException();

    /// <summary>For a first layer split by halves of its panels: the gradient of layer 2's bias over the whole batch.</summary>
    void SecondBias(int batch, Span<T> gradients) => throw new NotSupportedException();

    /// <summary>For a first layer split by rows: the gradient of its weight rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rows"/>) over the whole batch.</summary>
    void FirstWeightRows(ReadOnlySpan<T> inputs, int batch, Span<T> gradients, int firstRow, int rows) => throw new NotSupportedException();

    /// <summary>For a first layer split by rows: the gradient of its bias over the whole batch.</summary>
    void FirstBias(int batch, Span<T> gradients) => throw new NotSupportedException();
}
