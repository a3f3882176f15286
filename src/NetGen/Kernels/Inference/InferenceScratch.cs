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

    /// <summary>Per hidden layer, its rows of a piece of a batch (<c>piece</c> samples); empty until <see cref="EnsureRows"/>.</summary>
    public readonly T[][] Rows;

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
    }

    /// <summary>Makes the hidden layers' rows of a piece of a batch, on the first batch.</summary>
    public void EnsureRows()
    {
        if (_hiddenSizes.Length == 0 || Rows[0].Length != 0)
            return;
        for (int l = 0; l < _hiddenSizes.Length; l++)
            Rows[l] = new T[_piece * _hiddenSizes[l]];
    }
}
