using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The integer products of a quantized layer: one row of activations, unsigned and below 128, times each row of
/// signed 8-bit weights, <c>sums[o] = Σ_i x[i]·w[o, i]</c>, exact in 32 bits. x86 multiplies bytes in pairs into
/// 16 bits (<c>pmaddubsw</c>), which two products of 127·128 fit; that is why activations take 7 bits.
/// </summary>
internal static class Int8Products
{
    /// <summary>What a weight row's stride is a multiple of: one 512-bit vector, so that every width reads whole vectors.</summary>
    public const int RowAlignment = 64;

    /// <summary>Rows are multiplied in blocks of this many, each activation vector loaded once per block.</summary>
    public const int RowBlock = 4;

    /// <summary>
    /// <c>sums[o] = Σ_{i &lt; stride} x[i]·weights[o·stride + i]</c> for every <c>o &lt; sums.Length</c>.
    /// <paramref name="stride"/> is a multiple of <see cref="RowAlignment"/>, <c>sums.Length</c> of
    /// <see cref="RowBlock"/>, and every <c>x[i]</c> is below 128.
    /// </summary>
    public static void Multiply(ReadOnlySpan<byte> x, ReadOnlySpan<sbyte> weights, int stride, Span<int> sums)
    {
        if (stride % RowAlignment != 0 || sums.Length % RowBlock != 0 || x.Length < stride || weights.Length < sums.Length * stride)
            throw new ArgumentException($"Expected a stride of whole {RowAlignment}-byte vectors, whole blocks of {RowBlock} rows and spans that hold them.");
        if (Avx512BW.IsSupported)
            Multiply<Vector512<byte>, Vector512<int>, BytePairs512>(x, weights, stride, sums);
        else if (Avx2.IsSupported)
            Multiply<Vector256<byte>, Vector256<int>, BytePairs256>(x, weights, stride, sums);
        else if (Ssse3.IsSupported)
            Multiply<Vector128<byte>, Vector128<int>, BytePairs128>(x, weights, stride, sums);
        else
            MultiplyScalar(x, weights, stride, sums);
    }

    private static void Multiply<TBytes, TSums, TWidth>(ReadOnlySpan<byte> x, ReadOnlySpan<sbyte> weights, int stride, Span<int> sums)
        where TBytes : struct where TSums : struct where TWidth : IByteProductWidth<TBytes, TSums>
    {
        ref byte xs = ref MemoryMarshal.GetReference(x);
        ref sbyte w = ref MemoryMarshal.GetReference(weights);
        for (int o = 0; o < sums.Length; o += RowBlock)
        {
            ref sbyte w0 = ref Unsafe.Add(ref w, (nint)o * stride);
            ref sbyte w1 = ref Unsafe.Add(ref w0, stride);
            ref sbyte w2 = ref Unsafe.Add(ref w1, stride);
            ref sbyte w3 = ref Unsafe.Add(ref w2, stride);
            TSums s0 = TWidth.Zero, s1 = TWidth.Zero, s2 = TWidth.Zero, s3 = TWidth.Zero;
            for (nint i = 0; i < stride; i += TWidth.Bytes)
            {
                TBytes xi = TWidth.Load(ref xs, i);
                s0 = TWidth.MultiplyAdd(s0, xi, ref w0, i);
                s1 = TWidth.MultiplyAdd(s1, xi, ref w1, i);
                s2 = TWidth.MultiplyAdd(s2, xi, ref w2, i);
                s3 = TWidth.MultiplyAdd(s3, xi, ref w3, i);
            }
            // Four scalar stores: a vector store of the four ran the whole kernel 15% slower.
            Vector128<int> r = TWidth.Sums(s0, s1, s2, s3);
            (sums[o], sums[o + 1], sums[o + 2], sums[o + 3]) = (r[0], r[1], r[2], r[3]);
        }
    }

    private static void MultiplyScalar(ReadOnlySpan<byte> x, ReadOnlySpan<sbyte> weights, int stride, Span<int> sums)
    {
        for (int o = 0; o < sums.Length; o++)
        {
            ReadOnlySpan<sbyte> row = weights.Slice(o * stride, stride);
            int sum = 0;
            for (int i = 0; i < stride; i++)
                sum += x[i] * row[i];
            sums[o] = sum;
        }
    }
}
