using System;
using NetGen.Kernels;

namespace NetGen.Quantization;

/// <summary>One dense layer of a <see cref="QuantizedNetwork"/>: <c>y = activation(W·x + b)</c> with <c>W</c> in fewer bytes.</summary>
internal abstract class QuantizedLayer
{
    private readonly Activation _activation;
    private readonly float _argument;

    protected QuantizedLayer(LayerDescription layer, ReadOnlySpan<float> bias)
    {
        (InputSize, OutputSize, _activation) = (layer.InputSize, layer.OutputSize, layer.Activation);
        _argument = layer.Activation == Activation.LeakyReLU ? (float)layer.NegativeSlope : 0f;
        Bias = bias.ToArray();
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    /// <summary>The bias, float.</summary>
    protected float[] Bias { get; }

    /// <summary>The bytes of the layer's weights with their padding and scales, and its bias.</summary>
    public abstract long Bytes { get; }

    /// <summary>The rows of sums the products write, a whole number of row blocks.</summary>
    public abstract int SumRows { get; }

    /// <summary>The scratch row the layer's input is copied or quantized into, with its padding.</summary>
    public abstract int PaddedInput { get; }

    /// <summary>The most samples <see cref="Forward"/> takes at once: one where the format computes each sample alone.</summary>
    public virtual int RowsAtOnce => 1;

    /// <summary><c>y = activation(W·x + b)</c> for <paramref name="rows"/> samples, one a row of <paramref name="x"/> and <paramref name="y"/>.</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> y, int rows, QuantizedScratch scratch)
    {
        bool elementwise = _activation is not (Activation.Softmax or Activation.Identity);
        if (elementwise && MultiplyAddBiasActivated(x, y, rows, _activation, _argument))
            return;
        MultiplyAddBias(x, y, rows, scratch);
        if (_activation == Activation.Softmax)
            Activations.Softmax(y, rows, OutputSize);
        else
            Activations.Forward(y, _activation, _argument);
    }

    /// <summary>
    /// <c>y = activation(W·x + b)</c> for <paramref name="rows"/> samples where the format's product applies an element-wise
    /// activation itself as it completes its blocks of rows; false, having done nothing, where it does not.
    /// </summary>
    protected virtual bool MultiplyAddBiasActivated(ReadOnlySpan<float> x, Span<float> y, int rows, Activation activation, float argument) => false;

    /// <summary><c>y = W·x + b</c> for one sample.</summary>
    protected abstract void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, QuantizedScratch scratch);

    /// <summary><c>y = W·x + b</c> for <paramref name="rows"/> samples: one at a time, unless the format multiplies them together.</summary>
    protected virtual void MultiplyAddBias(ReadOnlySpan<float> x, Span<float> y, int rows, QuantizedScratch scratch)
    {
        for (int r = 0; r < rows; r++)
            MultiplyAddBias(x.Slice(r * InputSize, InputSize), y.Slice(r * OutputSize, OutputSize), scratch);
    }

    /// <summary>
    /// The zeroed storage of <paramref name="rows"/> padded weight rows of <paramref name="stride"/> elements, starting on a
    /// cache line (<see cref="Alignment"/>), so that every row's vectors do: the products read them in 512-bit loads, and on
    /// an Ice Lake core a 784-256 layer's Int8 products took 4.0 us with its rows 16 bytes off a line against 2.2-2.4 us on it.
    /// </summary>
    /// <exception cref="ArgumentException">They would not fit one array.</exception>
    protected ArraySegment<TElement> WeightRows<TElement>(int rows, int stride) where TElement : unmanaged
    {
        if ((long)rows * stride + Alignment.Bytes > Array.MaxLength)
            throw new ArgumentException($"A layer of {OutputSize}x{InputSize} weights is too large for one array in its format.", "layer");
        TElement[] storage = Alignment.Allocate<TElement>(rows * stride, out int origin);
        return new ArraySegment<TElement>(storage, origin, rows * stride);
    }

    /// <summary><paramref name="size"/> rounded up to a multiple of <paramref name="multiple"/>.</summary>
    protected static int RoundUp(int size, int multiple) => (size + multiple - 1) / multiple * multiple;
}
