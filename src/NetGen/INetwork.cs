using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What every generated network offers, so that trainers and tools work with any of them.
/// Spans hold one sample a row, row-major; a span holding several whole rows is a batch.
/// </summary>
/// <typeparam name="T">float or double, from the network's <see cref="Precision"/>.</typeparam>
public interface INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The number of values in one input sample.</summary>
    int InputSize { get; }

    /// <summary>The number of values in one output sample.</summary>
    int OutputSize { get; }

    /// <summary>The number of trainable parameters (weights and biases).</summary>
    int ParameterCount { get; }

    /// <summary>The declared loss.</summary>
    Loss Loss { get; }

    /// <summary>What the declaration says: the layers with their sizes, activations and tensor names, the loss, precision and optimizer.</summary>
    NetworkDescription Description { get; }

    /// <summary>The parameters in the network's internal layout.</summary>
    Span<T> Parameters { get; }

    /// <summary>The gradient of the last batch's mean loss, in the internal layout of <see cref="Parameters"/>.</summary>
    Span<T> Gradients { get; }

    /// <summary>
    /// Threads that <c>ComputeGradients</c> and <c>TrainStep</c> may use on batches larger than one chunk;
    /// 1 (the default) keeps all work on the calling thread. Gradients are bit-identical whatever the value.
    /// </summary>
    int DegreeOfParallelism { get; set; }

    /// <summary>The optimizer's step size; starts at the declared value. A value that is not finite, or is negative, throws.</summary>
    T LearningRate { get; set; }

    /// <summary>Writes the parameters in PyTorch's order: per layer, weight [out, in] row-major, then bias [out].</summary>
    void ExportParameters(Span<T> destination);

    /// <summary>Reads parameters in the order <see cref="ExportParameters"/> writes.</summary>
    void ImportParameters(ReadOnlySpan<T> source);

    /// <summary>Writes <see cref="Gradients"/> in the order <see cref="ExportParameters"/> uses.</summary>
    void ExportGradients(Span<T> destination);

    /// <summary>Runs the network on one sample or a batch; never drops out, never allocates in steady state.</summary>
    void Forward(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>
    /// The index of the largest output; for a single output, 1 when it is above its threshold
    /// (0.5 after Sigmoid or Softmax, 0 otherwise), else 0.
    /// </summary>
    int Predict(ReadOnlySpan<T> input);

    /// <summary>The value above which a single output counts as class 1 in <see cref="Predict"/>: 0.5 after Sigmoid or Softmax, else 0.</summary>
    T OutputThreshold { get; }

    /// <summary>Returns the batch's mean loss against target rows and fills <see cref="Gradients"/> with its gradient.</summary>
    T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>
    /// Returns the batch's mean loss against class labels and fills <see cref="Gradients"/> with its gradient.
    /// A label stands for a one-hot target row; for a single-output network it is the target itself (0 or 1).
    /// </summary>
    T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels);

    /// <summary>Applies the declared optimizer's update to <see cref="Parameters"/> using <see cref="Gradients"/>.</summary>
    void ApplyGradients();

    /// <summary>Clears the optimizer's state (moments, momentum buffers, step count).</summary>
    void ResetOptimizer();

    /// <summary>
    /// An independent network with this one's parameters, gradients, optimizer state, settings and dropout
    /// generator, which trains to the same bits as this one from here on.
    /// </summary>
    INetwork<T> Clone();

    /// <summary><see cref="ComputeGradients(ReadOnlySpan{T}, ReadOnlySpan{T})"/> then <see cref="ApplyGradients"/>; returns the mean loss.</summary>
    T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary><see cref="ComputeGradients(ReadOnlySpan{T}, ReadOnlySpan{int})"/> then <see cref="ApplyGradients"/>; returns the mean loss.</summary>
    T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<int> labels);
}
