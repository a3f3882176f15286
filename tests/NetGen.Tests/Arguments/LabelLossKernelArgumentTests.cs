using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Arguments;

/// <summary>
/// The softmax cross-entropy kernel that reads class labels checks what it is given as the networks
/// do: a span of the wrong length names the expected size, and a label outside 0 to classes − 1 is
/// rejected with the networks' message, wherever it sits in the batch.
/// </summary>
public class LabelLossKernelArgumentTests
{
    private const int Batch = 4, Classes = 3;

    [Fact]
    public void LogitsOfTheWrongLengthAreRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Losses.SoftmaxCrossEntropy<float>(new float[Batch * Classes - 1], new int[Batch], new float[Batch * Classes], Batch, Classes, Batch),
            Batch * Classes, "logits one short");

    [Fact]
    public void LabelsOfTheWrongLengthAreRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Losses.SoftmaxCrossEntropy<double>(new double[Batch * Classes], new int[Batch + 1], new double[Batch * Classes], Batch, Classes, Batch),
            Batch, "one label too many");

    [Fact]
    public void GradientOfTheWrongLengthIsRejected() =>
        ArgumentAssert.ThrowsNamingSize(
            () => Losses.SoftmaxCrossEntropy<float>(new float[Batch * Classes], new int[Batch], new float[Batch * Classes + 1], Batch, Classes, Batch),
            Batch * Classes, "gradient one too long");

    [Theory]
    [InlineData(-1)]
    [InlineData(Classes)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void LabelOutOfRangeIsRejected(int label)
    {
        int[] labels = [0, 2, 1, label];
        var exception = Assert.Throws<ArgumentException>(
            () => Losses.SoftmaxCrossEntropy<float>(new float[Batch * Classes], labels, new float[Batch * Classes], Batch, Classes, Batch));
        Assert.Equal("labels", exception.ParamName);
        Assert.Contains($"Label {label} at index 3 is out of range: expected 0 to {Classes - 1}", exception.Message);
        Assert.Contains($"OutputSize = {Classes}", exception.Message);
    }
}
