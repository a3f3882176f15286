using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// <c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c> for a small layer whose input row fills one
    /// <see cref="Vector256{T}"/> (8 floats or 4 doubles): each output is a dot product along the row.
    /// </summary>
    /// <remarks>
    /// With few outputs there is no output vector to fill, so the product runs along the input instead:
    /// a sample's products for one output are one vector multiply, and four samples' sums come out of one
    /// tree of horizontal additions, <c>((p₀ + p₁) + (p₂ + p₃)) + ((p₄ + p₅) + (p₆ + p₇))</c>, which the
    /// scalar form repeats where AVX is missing. Rows outside groups of four (every row of a batch below
    /// four) sum left to right from the bias, as the layer's unrolled statements do, so a single sample's
    /// result does not depend on this kernel. Other input sizes take that scalar form throughout.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ForwardVectorRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> z,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(x, batch * inSize, nameof(x));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(bias, outSize, nameof(bias));
        Checks.Length(z, batch * outSize, nameof(z));
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T bRef = ref MemoryMarshal.GetReference(bias);
        ref T zRef = ref MemoryMarshal.GetReference(z);
        int s = 0;
        int groups = Vector256.IsHardwareAccelerated && inSize == Vector256<T>.Count ? batch / 4 * 4 : 0;
        if (typeof(T) == typeof(float) && Avx.IsSupported && outSize == 2 && groups > 0)
        {
            // Two outputs: both from one load of each row, and four samples' outputs interleaved into
            // two vector stores, z[s, 0], z[s, 1], z[s + 1, 0], …, instead of eight scalar ones.
            Vector256<float> c0 = Column(ref wRef, 0, inSize, outSize).AsSingle(), c1 = Column(ref wRef, 1, inSize, outSize).AsSingle();
            Vector128<float> b0 = Vector128.Create(float.CreateTruncating(bRef)), b1 = Vector128.Create(float.CreateTruncating(Unsafe.Add(ref bRef, 1)));
            for (; s < groups; s += 4)
            {
                ref float row = ref Unsafe.As<T, float>(ref Unsafe.Add(ref xRef, (nint)s * inSize));
                Vector256<float> x0 = Vector256.LoadUnsafe(ref row), x1 = Vector256.LoadUnsafe(ref row, 8);
                Vector256<float> x2 = Vector256.LoadUnsafe(ref row, 16), x3 = Vector256.LoadUnsafe(ref row, 24);
                Vector128<float> sums0 = GroupSums(x0 * c0, x1 * c0, x2 * c0, x3 * c0) + b0;
                Vector128<float> sums1 = GroupSums(x0 * c1, x1 * c1, x2 * c1, x3 * c1) + b1;
                ref float zRow = ref Unsafe.As<T, float>(ref Unsafe.Add(ref zRef, (nint)s * outSize));
                Sse.UnpackLow(sums0, sums1).StoreUnsafe(ref zRow);
                Sse.UnpackHigh(sums0, sums1).StoreUnsafe(ref zRow, 4);
            }
        }
        else if (groups > 0)
        {
            for (int o = 0; o < outSize; o++)
            {
                Vector256<T> c = Column(ref wRef, o, inSize, outSize);
                T b = Unsafe.Add(ref bRef, o);
                for (s = 0; s < groups; s += 4)
                {
                    ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
                    Vector256<T> p0 = Vector256.LoadUnsafe(ref row) * c;
                    Vector256<T> p1 = Vector256.LoadUnsafe(ref row, (nuint)inSize) * c;
                    Vector256<T> p2 = Vector256.LoadUnsafe(ref row, (nuint)(2 * inSize)) * c;
                    Vector256<T> p3 = Vector256.LoadUnsafe(ref row, (nuint)(3 * inSize)) * c;
                    ref T zRow = ref Unsafe.Add(ref zRef, (nint)s * outSize + o);
                    if (typeof(T) == typeof(float) && Avx.IsSupported)
                    {
                        Vector128<T> sums = GroupSums(p0.AsSingle(), p1.AsSingle(), p2.AsSingle(), p3.AsSingle()).As<float, T>() + Vector128.Create(b);
                        zRow = sums.ToScalar();
                        Unsafe.Add(ref zRow, outSize) = sums.GetElement(1);
                        Unsafe.Add(ref zRow, 2 * outSize) = sums.GetElement(2);
                        Unsafe.Add(ref zRow, 3 * outSize) = sums.GetElement(3);
                    }
                    else
                    {
                        zRow = TreeSum(p0) + b;
                        Unsafe.Add(ref zRow, outSize) = TreeSum(p1) + b;
                        Unsafe.Add(ref zRow, 2 * outSize) = TreeSum(p2) + b;
                        Unsafe.Add(ref zRow, 3 * outSize) = TreeSum(p3) + b;
                    }
                }
            }
        }
        s = groups;
        for (; s < batch; s++)
        {
            ref T row = ref Unsafe.Add(ref xRef, (nint)s * inSize);
            for (int o = 0; o < outSize; o++)
            {
                T sum = Unsafe.Add(ref bRef, o);
                for (int i = 0; i < inSize; i++)
                    sum += Unsafe.Add(ref row, i) * Unsafe.Add(ref wRef, (nint)i * outSize + o);
                Unsafe.Add(ref zRef, (nint)s * outSize + o) = sum;
            }
        }
    }

    /// <summary>The lane sums of four vectors of eight floats, by the tree of horizontal additions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GroupSums(Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3)
    {
        Vector256<float> r = Avx.HorizontalAdd(Avx.HorizontalAdd(p0, p1), Avx.HorizontalAdd(p2, p3));
        return r.GetLower() + r.GetUpper();
    }

    /// <summary>Column <paramref name="o"/> of input-major weights, <c>w[i, o]</c> for each input i, as one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Column<T>(ref T w, int o, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> column = Vector256<T>.Zero;
        for (int i = 0; i < inSize; i++)
            column = column.WithElement(i, Unsafe.Add(ref w, (nint)i * outSize + o));
        return column;
    }

    /// <summary>The sum of a vector's lanes in the order the horizontal-add tree takes: pairs, then pairs of pairs.</summary>
    private static T TreeSum<T>(Vector256<T> p)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T low = (p.GetElement(0) + p.GetElement(1)) + (p.GetElement(2) + p.GetElement(3));
        if (Vector256<T>.Count == 4)
            return low;
        return low + ((p.GetElement(4) + p.GetElement(5)) + (p.GetElement(6) + p.GetElement(7)));
    }
}
