using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>The argument checks shared by generated networks and kernels; each message names the expected size.</summary>
/// <remarks>
/// Each check is a comparison inlined into its caller, with the message built out of line only when it
/// throws: a one-sample forward pass takes a few tens of nanoseconds, and a call per check would be a
/// good part of that.
/// </remarks>
public static class Checks
{
    /// <summary>Throws unless <paramref name="span"/> holds exactly <paramref name="expected"/> values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length<T>(ReadOnlySpan<T> span, int expected, string name)
    {
        if (span.Length != expected)
            ThrowLength(span.Length, expected, name);
    }

    /// <inheritdoc cref="Length{T}(ReadOnlySpan{T}, int, string)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length<T>(Span<T> span, int expected, string name) => Length((ReadOnlySpan<T>)span, expected, name);

    /// <summary>Throws unless <paramref name="span"/> holds at least <paramref name="minimum"/> values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AtLeast<T>(ReadOnlySpan<T> span, int minimum, string name)
    {
        if (span.Length < minimum)
            ThrowShorterThan(span.Length, minimum, name);
    }

    /// <summary>
    /// The number of samples in a batch of <paramref name="inputLength"/> values, which must be a
    /// whole, non-zero multiple of <paramref name="inputSize"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BatchSize(int inputLength, int inputSize, string name)
    {
        if (inputLength == 0 || inputLength % inputSize != 0)
            ThrowNotWholeRows(inputLength, inputSize, name);
        return inputLength / inputSize;
    }

    /// <summary>Throws unless a span of per-sample rows holds <paramref name="rowSize"/> values for each of <paramref name="batch"/> samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rows(int length, int batch, int rowSize, string rowName, string name)
    {
        if (length != batch * rowSize)
            ThrowRows(length, batch, rowSize, rowName, name);
    }

    /// <summary>Throws unless there is one label for each of <paramref name="batch"/> samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Labels(int length, int batch, string name)
    {
        if (length != batch)
            ThrowLabels(length, batch, name);
    }

    /// <summary>Throws unless rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 all lie among <paramref name="rows"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RowRange(int first, int count, int rows, string name)
    {
        if (first < 0 || count < 0 || first > rows - count)
            ThrowRowRange(first, count, rows, name);
    }

    /// <summary>Throws unless a row of <paramref name="length"/> values is non-empty and fits one vector of <paramref name="lanes"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RowFitsVector(int length, int lanes, string name)
    {
        if (length < 1 || length > lanes)
            ThrowRowFitsVector(length, lanes, name);
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRowFitsVector(int length, int lanes, string name) =>
        Throw($"'{name}' holds {length} values: expected from 1 to {lanes}, a row that fits one vector.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(int length, int expected, string name) =>
        Throw($"'{name}' holds {length} values: expected {expected}.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRowRange(int first, int count, int rows, string name) =>
        Throw($"Rows {first} to {(long)first + count - 1} ('{name}' {first}, {count} rows): expected a range within the {rows} rows, from 0 to {rows - 1}.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLabels(int length, int batch, string name) =>
        Throw($"'{name}' holds {length} labels: expected {batch}, one for each sample in the input.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShorterThan(int length, int minimum, string name) =>
        Throw($"'{name}' holds {length} values: expected at least {minimum}.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotWholeRows(int inputLength, int inputSize, string name) =>
        Throw($"'{name}' holds {inputLength} values: expected a whole, non-zero multiple of InputSize = {inputSize} (one sample a row).", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRows(int length, int batch, int rowSize, string rowName, string name) =>
        Throw($"'{name}' holds {length} values: expected {batch * rowSize} ({rowName} = {rowSize} for each of the {batch} samples in the input).", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string message, string name) => throw new ArgumentException(message, name);
}
