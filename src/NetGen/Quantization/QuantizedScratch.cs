using System;
using NetGen.Kernels;

namespace NetGen.Quantization;

/// <summary>
/// One thread's scratch for <see cref="QuantizedNetwork.Forward"/>, shared by every quantized network on that thread
/// and grown only when a wider one comes, so that one instance serves any number of threads with no lock and a
/// warm call allocates nothing.
/// </summary>
internal sealed class QuantizedScratch
{
    [ThreadStatic]
    private static QuantizedScratch? t_scratch;

    private float[] _first = [], _second = [];
    private int _firstOrigin, _secondOrigin;

    /// <summary>Layer outputs, each starting on a cache line (<see cref="Alignment"/>): each layer reads one and writes the other.</summary>
    public Span<float> First => _first.AsSpan(_firstOrigin);

    /// <inheritdoc cref="First"/>
    public Span<float> Second => _second.AsSpan(_secondOrigin);

    /// <summary>A layer's input copied with zero padding.</summary>
    public float[] Padded = [];

    /// <summary>A layer's input quantized.</summary>
    public byte[] Levels = [];

    public int[] IntegerSums = [];

    public float[] FloatSums = [];

    /// <summary>This thread's scratch, large enough for <paramref name="outputs"/> layer outputs, <paramref name="paddedInput"/> padded inputs and <paramref name="sumRows"/> rows of sums.</summary>
    public static QuantizedScratch For(int outputs, int paddedInput, int sumRows)
    {
        QuantizedScratch scratch = t_scratch ??= new QuantizedScratch();
        if (scratch.First.Length < outputs)
        {
            scratch._first = Alignment.Allocate<float>(outputs, out scratch._firstOrigin);
            scratch._second = Alignment.Allocate<float>(outputs, out scratch._secondOrigin);
        }
        if (scratch.Padded.Length < paddedInput)
            (scratch.Padded, scratch.Levels) = (new float[paddedInput], new byte[paddedInput]);
        if (scratch.IntegerSums.Length < sumRows)
            (scratch.IntegerSums, scratch.FloatSums) = (new int[sumRows], new float[sumRows]);
        return scratch;
    }
}
