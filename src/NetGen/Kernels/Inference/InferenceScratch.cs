using System;
using System.ComponentModel;

namespace NetGen.Kernels;

/// <summary>
/// One thread's scratch for a network class's <c>Forward</c> and <c>Predict</c>, shared by every instance of
/// the class on that thread, so that one trained instance serves any number of threads with no lock: one
/// sample's layer rows from <see cref="SampleOrigin"/> (each padded to whole 512-bit vectors, the first on a
/// cache line), the prediction's outputs, and the hidden layers' rows of a piece of a batch, made on the
/// first batch so that one-sample callers never pay for them.
/// </summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InferenceScratch<T> where T : unmanaged
{
    private readonly int _piece;
    private readonly int[] _hiddenSizes;

    /// <summary>One sample's layer rows, from <see cref="SampleOrigin"/>.</summary>
    public readonly T[] Sample;

    /// <summary>Where one sample's rows start in <see cref="Sample"/>: on a cache line.</summary>
    public readonly int SampleOrigin;

    /// <summary>The outputs of the sample <c>Predict</c> decides on.</summary>
    public readonly T[] Prediction;

    /// <summary>
    /// Per hidden layer, the array of its rows of a piece of a batch (<c>piece</c> samples), which lie from
    /// <see cref="RowOrigins"/> on a cache line (<see cref="HiddenRows"/>); empty until <see cref="EnsureRows"/>.
    /// </summary>
    internal readonly T[][] Rows;

    /// <summary>Per hidden layer, where its rows start in <see cref="Rows"/>.</summary>
    internal readonly int[] RowOrigins;

    /// <summary>
    /// Scratch for one sample of <paramref name="sampleLength"/> values, <paramref name="outputSize"/> outputs,
    /// and pieces of <paramref name="piece"/> samples through hidden layers of <paramref name="hiddenSizes"/>.
    /// </summary>
    public InferenceScratch(int sampleLength, int outputSize, int piece, params int[] hiddenSizes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(piece);
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        foreach (int size in hiddenSizes)
            ArgumentOutOfRangeException.ThrowIfGreaterThan((long)size * piece, Array.MaxLength, nameof(hiddenSizes));
        Sample = Alignment.Allocate<T>(sampleLength, out SampleOrigin);
        Prediction = new T[outputSize];
        (_piece, _hiddenSizes) = (piece, hiddenSizes);
        Rows = new T[hiddenSizes.Length][];
        Array.Fill(Rows, Array.Empty<T>());
        RowOrigins = new int[hiddenSizes.Length];
    }

    /// <summary>
    /// Makes the hidden layers' rows of a piece of a batch, on the first batch, each layer's on a cache line: the product
    /// stores a layer's rows and the next layer reads them in whole vectors. In plain arrays, a 256-256-10 network's
    /// <c>Forward</c> at batch 256 took 162.95-167.87 us against 162.40-166.92 on a cache line, and 784-256-10 at 256
    /// 474.78-490.67 against 472.43-489.46 (on a Zen 5 core, the two in turns in one process, medians of twelve); in
    /// three pairs of processes, 256-256-10 at 256 162.97-166.28 against 161.74-164.64, 784-256-10 at 64 120.16-122.31
    /// against 119.68-120.99.
    /// </summary>
    public void EnsureRows()
    {
        if (_hiddenSizes.Length == 0 || Rows[0].Length != 0)
            return;
        for (int l = 0; l < _hiddenSizes.Length; l++)
            Rows[l] = Alignment.Allocate<T>(_piece * _hiddenSizes[l], out RowOrigins[l]);
    }

    /// <summary>Hidden layer <paramref name="layer"/>'s rows of a piece of a batch (<see cref="EnsureRows"/> first), from their cache line.</summary>
    public Span<T> HiddenRows(int layer) => new(Rows[layer], RowOrigins[layer], _piece * _hiddenSizes[layer]);
}
