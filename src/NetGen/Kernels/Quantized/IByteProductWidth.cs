using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// One SIMD width of <see cref="Int8Products"/>: bytes of activations and of weights multiplied in pairs and summed
/// in fours into 32-bit lanes, so that the product loop is written once and the JIT compiles a copy per width.
/// </summary>
/// <typeparam name="TBytes">The vector of activation bytes.</typeparam>
/// <typeparam name="TSums">The vector of 32-bit sums it accumulates into.</typeparam>
internal interface IByteProductWidth<TBytes, TSums> where TBytes : struct where TSums : struct
{
    /// <summary>Bytes in one vector.</summary>
    static abstract int Bytes { get; }

    /// <summary>The sums of nothing.</summary>
    static abstract TSums Zero { get; }

    /// <summary>The activation bytes starting <paramref name="offset"/> bytes past <paramref name="source"/>.</summary>
    static abstract TBytes Load(ref byte source, nint offset);

    /// <summary>
    /// <paramref name="sums"/> plus, in each 32-bit lane, <c>Σ x[j]·w[j]</c> over its four bytes, with <c>x</c>
    /// unsigned and <c>w</c> signed. The pairs pass through 16 bits, which hold them while <c>x</c> stays below 128.
    /// </summary>
    static abstract TSums MultiplyAdd(TSums sums, TBytes x, ref sbyte weights, nint offset);

    /// <summary>The sums of the lanes of four vectors, in order: one tree of horizontal additions for all four.</summary>
    static abstract Vector128<int> Sums(TSums s0, TSums s1, TSums s2, TSums s3);
}
