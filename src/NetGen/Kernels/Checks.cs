using System;

namespace NetGen.Kernels;

/// <summary>The argument checks shared by generated networks and kernels; each message names the expected size.</summary>
public static class Checks
{
    /// <summary>Throws unless <paramref name="span"/> holds exactly <paramref name="expected"/> values.</summary>
    public static void Length<T>(ReadOnlySpan<T> span, int expected, string name)
    {
        if (span.Length != expected)
            throw new ArgumentException($"'{name}' holds {span.Length} values: expected {expected}.", name);
    }

    /// <inheritdoc cref="Length{T}(ReadOnlySpan{T}, int, string)"/>
    public static void Length<T>(Span<T> span, int expected, string name) => Length((ReadOnlySpan<T>)span, expected, name);

    /// <summary>
    /// The number of samples in a batch of <paramref name="inputLength"/> values, which must be a
    /// whole, non-zero multiple of <paramref name="inputSize"/>.
    /// </summary>
    public static int BatchSize(int inputLength, int inputSize, string name)
    {
        if (inputLength == 0 || inputLength % inputSize != 0)
            throw new ArgumentException(
                $"'{name}' holds {inputLength} values: expected a whole, non-zero multiple of InputSize = {inputSize} (one sample a row).", name);
        return inputLength / inputSize;
    }

    /// <summary>Throws unless a span of per-sample rows holds <paramref name="rowSize"/> values for each of <paramref name="batch"/> samples.</summary>
    public static void Rows(int length, int batch, int rowSize, string rowName, string name)
    {
        if (length != batch * rowSize)
            throw new ArgumentException(
                $"'{name}' holds {length} values: expected {batch * rowSize} ({rowName} = {rowSize} for each of the {batch} samples in the input).", name);
    }

    /// <summary>Throws unless there is one label for each of <paramref name="batch"/> samples.</summary>
    public static void Labels(int length, int batch, string name)
    {
        if (length != batch)
            throw new ArgumentException(
                $"'{name}' holds {length} labels: expected {batch}, one for each sample in the input.", name);
    }
}
