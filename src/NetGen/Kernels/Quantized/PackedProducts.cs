using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// The products of a layer whose weights are 16-bit floats packed in pairs, accumulated in float:
/// <c>sums[o] = Σ_i w[o, i]·x[i]</c>. Each row is stored in blocks of <c>2·lanes</c> weights, where the 32-bit lane
/// <c>j</c> of block <c>b</c> holds weight <c>2·lanes·b + j</c> in its low half and <c>2·lanes·b + lanes + j</c> in
/// its high half; so a vector of pairs decodes into two vectors that multiply <c>x</c> as it lies in memory, and
/// nothing is shuffled per call. <c>lanes</c> is the float vector width the machine runs (<see cref="Lanes"/>).
/// </summary>
internal static class PackedProducts
{
    /// <summary>Rows are multiplied in blocks of this many, each activation vector loaded once per block.</summary>
    public const int RowBlock = 4;

    /// <summary>The float lanes of the widest vector this machine accelerates (4 where none is), which the layout follows.</summary>
    public static int Lanes =>
        Vector512.IsHardwareAccelerated ? Vector512<float>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
        : Vector128<float>.Count;

    /// <summary>Where weight <paramref name="index"/> of a row lies in the row's packed pairs, for <paramref name="lanes"/> lanes: its pair and whether it is the high half.</summary>
    public static (int Pair, bool High) Place(int index, int lanes)
    {
        int block = index / (2 * lanes), within = index % (2 * lanes);
        return (block * lanes + within % lanes, within >= lanes);
    }

    /// <summary>
    /// <c>sums[o] = Σ_{i &lt; 2·pairStride} w[o, i]·x[i]</c> for every <c>o &lt; sums.Length</c>, the rows of
    /// <paramref name="pairs"/> <paramref name="pairStride"/> lanes apart, laid out for <see cref="Lanes"/>.
    /// <paramref name="pairStride"/> is a multiple of <see cref="Lanes"/> and <c>sums.Length</c> of <see cref="RowBlock"/>.
    /// </summary>
    public static void Multiply<TFormat>(ReadOnlySpan<float> x, ReadOnlySpan<uint> pairs, int pairStride, Span<float> sums)
        where TFormat : IPackedFormat, IPairDecoder<Vector512<float>>, IPairDecoder<Vector256<float>>, IPairDecoder<Vector128<float>>
    {
        if (pairStride % Lanes != 0 || sums.Length % RowBlock != 0 || x.Length < 2 * pairStride || pairs.Length < sums.Length * pairStride)
            throw new ArgumentException($"Expected a stride of whole {Lanes}-lane vectors, whole blocks of {RowBlock} rows and spans that hold them.");
        if (Vector512.IsHardwareAccelerated)
            Multiply<Vector512<float>, Width512<float>, TFormat>(x, pairs, pairStride, sums);
        else if (Vector256.IsHardwareAccelerated)
            Multiply<Vector256<float>, Width256<float>, TFormat>(x, pairs, pairStride, sums);
        else if (Vector128.IsHardwareAccelerated)
            Multiply<Vector128<float>, Width128<float>, TFormat>(x, pairs, pairStride, sums);
        else
            MultiplyScalar<TFormat>(x, pairs, pairStride, sums);
    }

    private static void Multiply<TVector, TWidth, TDecoder>(ReadOnlySpan<float> x, ReadOnlySpan<uint> pairs, int pairStride, Span<float> sums)
        where TVector : struct where TWidth : IVectorWidth<float, TVector> where TDecoder : IPairDecoder<TVector>
    {
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref uint w = ref MemoryMarshal.GetReference(pairs);
        int lanes = TWidth.Count;
        for (int o = 0; o < sums.Length; o += RowBlock)
        {
            ref uint w0 = ref Unsafe.Add(ref w, (nint)o * pairStride);
            ref uint w1 = ref Unsafe.Add(ref w0, pairStride);
            ref uint w2 = ref Unsafe.Add(ref w1, pairStride);
            ref uint w3 = ref Unsafe.Add(ref w2, pairStride);
            // Low and high halves accumulate apart: eight independent chains keep both FMA pipes busy.
            TVector l0 = TWidth.Zero, l1 = TWidth.Zero, l2 = TWidth.Zero, l3 = TWidth.Zero;
            TVector h0 = TWidth.Zero, h1 = TWidth.Zero, h2 = TWidth.Zero, h3 = TWidth.Zero;
            for (nint p = 0, i = 0; p < pairStride; p += lanes, i += 2 * lanes)
            {
                TVector xl = TWidth.Load(ref xs, i), xh = TWidth.Load(ref xs, i + lanes);
                TDecoder.Decode(ref w0, p, out TVector low, out TVector high);
                l0 = TWidth.MultiplyAdd(low, xl, l0);
                h0 = TWidth.MultiplyAdd(high, xh, h0);
                TDecoder.Decode(ref w1, p, out low, out high);
                l1 = TWidth.MultiplyAdd(low, xl, l1);
                h1 = TWidth.MultiplyAdd(high, xh, h1);
                TDecoder.Decode(ref w2, p, out low, out high);
                l2 = TWidth.MultiplyAdd(low, xl, l2);
                h2 = TWidth.MultiplyAdd(high, xh, h2);
                TDecoder.Decode(ref w3, p, out low, out high);
                l3 = TWidth.MultiplyAdd(low, xl, l3);
                h3 = TWidth.MultiplyAdd(high, xh, h3);
            }
            TVector r0 = TWidth.Add(l0, h0), r1 = TWidth.Add(l1, h1), r2 = TWidth.Add(l2, h2), r3 = TWidth.Add(l3, h3);
            if (TWidth.HasFloatGroupSums)
            {
                Vector128<float> r = TWidth.FloatGroupSums(r0, r1, r2, r3);
                (sums[o], sums[o + 1], sums[o + 2], sums[o + 3]) = (r[0], r[1], r[2], r[3]);
            }
            else
                (sums[o], sums[o + 1], sums[o + 2], sums[o + 3]) = (TWidth.Sum(r0), TWidth.Sum(r1), TWidth.Sum(r2), TWidth.Sum(r3));
        }
    }

    private static void MultiplyScalar<TFormat>(ReadOnlySpan<float> x, ReadOnlySpan<uint> pairs, int pairStride, Span<float> sums)
        where TFormat : IPackedFormat
    {
        int lanes = Lanes;
        for (int o = 0; o < sums.Length; o++)
        {
            ReadOnlySpan<uint> row = pairs.Slice(o * pairStride, pairStride);
            float sum = 0f;
            for (int i = 0; i < 2 * pairStride; i++)
            {
                (int pair, bool high) = Place(i, lanes);
                sum += TFormat.ToSingle((ushort)(high ? row[pair] >> 16 : row[pair])) * x[i];
            }
            sums[o] = sum;
        }
    }
}
