namespace NetGen.Kernels;

/// <summary>
/// How one width of <see cref="PackedProducts"/> turns a vector of 32-bit lanes, each holding two 16-bit weights,
/// into two vectors of floats: the low halves and the high halves.
/// </summary>
internal interface IPairDecoder<TVector> where TVector : struct
{
    /// <summary>The weights whose pairs start <paramref name="offset"/> lanes past <paramref name="source"/>, as floats.</summary>
    static abstract void Decode(ref uint source, nint offset, out TVector low, out TVector high);
}
