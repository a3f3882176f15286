using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>The argument checks shared by generated networks and kernels; each message names the expected size.</summary>
/// <remarks>
/// <para>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </para>
/// <para>
/// Each check is a comparison inlined into its caller, with the message built out of line only when it
/// throws: a one-sample forward pass takes a few tens of nanoseconds, and a call per check would be a
/// good part of that.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
        // In 64 bits: a product that wrapped could equal the length by chance.
        if (length != (long)batch * rowSize)
            ThrowRows(length, batch, rowSize, rowName, name);
    }

    /// <summary>
    /// Throws unless a training batch of <paramref name="batch"/> samples is at most
    /// <paramref name="maximum"/>, the largest whose per-sample scratch rows fit in .NET arrays.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TrainingBatch(int batch, int maximum, string name)
    {
        if (batch > maximum)
            ThrowTrainingBatch(batch, maximum, name);
    }

    /// <summary>Throws unless every value of <paramref name="values"/> is finite, naming the first that is not.</summary>
    public static void Finite<T>(ReadOnlySpan<T> values, string name) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int index = IndexOfNonFinite(values);
        if (index >= 0)
            Throw($"'{name}' holds {values[index]} at index {index}: expected finite values only, since one NaN or infinity "
                + "would spread through the gradient into every parameter.", name);
    }

    /// <summary>The index of the first value of <paramref name="values"/> that is NaN or infinite, or −1 when all are finite.</summary>
    /// <remarks>
    /// Never inlined: inlined by tiered PGO into a caller's try block (a training step's helpers are started in one),
    /// the scan's four sums went to the stack and back on every step of its loop, and a batch of 128 samples of 784
    /// floats took 11.5-11.9 us to scan instead of 4.0-4.5 (on a Zen 5 core, three processes each way).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int IndexOfNonFinite<T>(ReadOnlySpan<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var call = new FiniteScanCall<T>(values);
        if (PreferredWidth.Run<T, FiniteScanCall<T>, bool>(ref call))
            return -1;
        int index = 0;
        while (T.IsFinite(values[index]))
            index++;
        return index;
    }

    /// <summary>
    /// Whether every value is finite, in one pass: x − x is 0 for every finite x and NaN for NaN and ±∞,
    /// and a sum of zeros cannot overflow, so one run of vector subtractions at <see cref="PreferredWidth"/>
    /// tells; only when it fails are the values looked at one by one.
    /// </summary>
    private readonly ref struct FiniteScanCall<T>(ReadOnlySpan<T> values) : IWidthCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _values = values;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Run<TVector, TWidth>()
            where TVector : struct
            where TWidth : IVectorWidth<T, TVector>
        {
            ref T first = ref MemoryMarshal.GetReference(_values);
            int width = TWidth.Count, i = 0;
            // Four sums, so that each addition waits on the one four vectors back: with one, the scan ran at an
            // addition's latency, 7.2-7.6 us for a batch of 128 samples of 784 floats in L2 (Zen 5) against 3.5-3.8 with
            // four, and 7.4-7.8 against 4.8-5.3 from L3. Asking for the lines 4 KB ahead made it slower.
            TVector sum = TWidth.Zero, sum1 = TWidth.Zero, sum2 = TWidth.Zero, sum3 = TWidth.Zero;
            for (; i <= _values.Length - 4 * width; i += 4 * width)
            {
                TVector v = TWidth.Load(ref first, i), v1 = TWidth.Load(ref first, i + width);
                TVector v2 = TWidth.Load(ref first, i + 2 * width), v3 = TWidth.Load(ref first, i + 3 * width);
                sum = TWidth.Add(sum, TWidth.Subtract(v, v));
                sum1 = TWidth.Add(sum1, TWidth.Subtract(v1, v1));
                sum2 = TWidth.Add(sum2, TWidth.Subtract(v2, v2));
                sum3 = TWidth.Add(sum3, TWidth.Subtract(v3, v3));
            }
            for (; i <= _values.Length - width; i += width)
            {
                TVector v = TWidth.Load(ref first, i);
                sum = TWidth.Add(sum, TWidth.Subtract(v, v));
            }
            T tail = T.Zero;
            for (; i < _values.Length; i++)
                tail += Unsafe.Add(ref first, i) - Unsafe.Add(ref first, i);
            sum = TWidth.Add(TWidth.Add(sum, sum1), TWidth.Add(sum2, sum3));
            return T.IsFinite(TWidth.Sum(sum) + tail);
        }
    }

    /// <summary>Throws unless <paramref name="loss"/> is finite, before an optimizer step would spread it into the parameters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FiniteLoss<T>(T loss) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(loss))
            throw new NonFiniteLossException(double.CreateTruncating(loss));
    }

    /// <summary>
    /// Returns <paramref name="rate"/> when it is a finite number of at least 0. Zero is allowed, as PyTorch
    /// allows it, since a warm-up schedule starts there; NaN, infinities and negative rates throw.
    /// </summary>
    public static T LearningRate<T>(T rate, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(rate >= T.Zero) || !T.IsFinite(rate))
            Throw($"The learning rate {rate} is not a finite number of at least 0: expected, for example, 0.01.", name);
        return rate;
    }

    /// <summary>Throws unless every target of <paramref name="targets"/> is a probability, from 0 to 1, as binary cross-entropy needs.</summary>
    public static void Probabilities<T>(ReadOnlySpan<T> targets, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < targets.Length; i++)
        {
            // Written so that NaN fails too.
            if (!(targets[i] >= T.Zero && targets[i] <= T.One))
                Throw($"'{name}' holds {targets[i]} at index {i}: binary cross-entropy expects targets from 0 to 1.", name);
        }
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

    /// <summary>Throws unless <paramref name="size"/> columns fill whole panels (<see cref="Layout.PanelWidth{T}"/>); returns the panel width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PanelColumns<T>(int size, string name) where T : unmanaged
    {
        int width = Layout.PanelWidth<T>();
        if (size < width || size % width != 0)
            ThrowPanelColumns(size, width, name);
        return width;
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
    private static void ThrowPanelColumns(int size, int width, string name) =>
        Throw($"'{name}' is {size}: expected a non-zero multiple of the panel width, {width}.", name);

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
        Throw($"'{name}' holds {length} values: expected {(long)batch * rowSize} ({rowName} = {rowSize} for each of the {batch} samples in the input).", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTrainingBatch(int batch, int maximum, string name) =>
        Throw($"'{name}' holds {batch} samples: this network trains on at most {maximum} samples a call, the most whose "
            + "layer rows fit in a .NET array; split the batch into smaller ones.", name);

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string message, string name) => throw new ArgumentException(message, name);
}
