using System;

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

    /// <summary>Two rows of layer outputs: each layer reads one and writes the other.</summary>
    public float[] First = [], Second = [];

    /// <summary>A layer's input copied with zero padding.</summary>
    public float[] Padded = [];

    /// <summary>A layer's input quantized.</summary>
    public byte[] Levels = [];

    public int[] IntegerSums = [];

    public float[] FloatSums = [];

    /// <summary>This thread's scratch, large enough for layers of <paramref name="width"/> outputs, <paramref name="paddedInput"/> padded inputs and <paramref name="sumRows"/> rows of sums.</summary>
    public static QuantizedScratch For(int width, int paddedInput, int sumRows)
    {
        QuantizedScratch scratch = t_scratch ??= new QuantizedScratch();
        if (scratch.First.Length < width)
            (scratch.First, scratch.Second) = (new float[width], new float[width]);
        if (scratch.Padded.Length < paddedInput)
            (scratch.Padded, scratch.Levels) = (new float[paddedInput], new byte[paddedInput]);
        if (scratch.IntegerSums.Length < sumRows)
            (scratch.IntegerSums, scratch.FloatSums) = (new int[sumRows], new float[sumRows]);
        return scratch;
    }
}
