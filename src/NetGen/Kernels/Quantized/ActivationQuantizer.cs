using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// A row of float activations as 7-bit unsigned integers, scaled to the row's own range when it is quantized:
/// <c>q = clamp(round(x·(L / (hi − lo))) + z, 0, L)</c> with <c>L = 127</c>, <c>lo = min(0, min x)</c>,
/// <c>hi = max(0, max x)</c> and the zero point <c>z = round(−lo·L / (hi − lo))</c>, so that
/// <c>x ≈ (q − z)·(hi − lo) / L</c> and zero is exact. Rounding is to the nearest, ties to even.
/// </summary>
internal static class ActivationQuantizer
{
    /// <summary>The largest level: 7 bits, so that <see cref="Int8Products"/>' 16-bit pairs cannot saturate.</summary>
    public const int Levels = 127;

    /// <summary>
    /// Writes <paramref name="row"/> quantized to the start of <paramref name="levels"/> and zeros to the rest,
    /// and returns the step <c>(hi − lo) / L</c> one level stands for, with the zero point in
    /// <paramref name="zeroPoint"/>. A row of zeros has step 1 and zero point 0. A row holding NaN or an infinity
    /// gives a NaN step, which carries into every output.
    /// </summary>
    public static float Quantize(ReadOnlySpan<float> row, Span<byte> levels, out int zeroPoint)
    {
        (float lo, float hi) = Range(row);
        float range = hi - lo;
        zeroPoint = 0;
        if (!float.IsFinite(range) || range == 0f)
        {
            levels.Clear();
            return range == 0f ? 1f : float.NaN;
        }
        float inverseStep = Levels / range;
        zeroPoint = (int)MathF.Round(-lo * inverseStep);
        int i = 0;
        if (Avx512F.IsSupported)
        {
            // vcvtps2dq rounds as MXCSR says, which .NET leaves at nearest-even: MathF.Round's rounding, in one instruction.
            ref float x = ref MemoryMarshal.GetReference(row);
            ref byte q = ref MemoryMarshal.GetReference(levels);
            Vector512<float> scale = Vector512.Create(inverseStep);
            Vector512<int> zero = Vector512.Create(zeroPoint), top = Vector512.Create(Levels);
            for (; i <= row.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<int> level = Avx512F.ConvertToVector512Int32(Vector512.LoadUnsafe(ref x, (nuint)i) * scale) + zero;
                Avx512F.ConvertToVector128Byte(Vector512.Min(Vector512.Max(level, Vector512<int>.Zero), top)).StoreUnsafe(ref q, (nuint)i);
            }
        }
        for (; i < row.Length; i++)
            levels[i] = (byte)Math.Clamp((int)MathF.Round(row[i] * inverseStep) + zeroPoint, 0, Levels);
        levels.Slice(row.Length).Clear();
        return range / Levels;
    }

    /// <summary><c>min(0, min x)</c> and <c>max(0, max x)</c>; NaN where a value is NaN, since vector Min and Max carry NaN on.</summary>
    private static (float Low, float High) Range(ReadOnlySpan<float> row)
    {
        if (Vector512.IsHardwareAccelerated)
            return Range<Vector512<float>, Width512<float>>(row);
        if (Vector256.IsHardwareAccelerated)
            return Range<Vector256<float>, Width256<float>>(row);
        if (Vector128.IsHardwareAccelerated)
            return Range<Vector128<float>, Width128<float>>(row);
        float lo = 0f, hi = 0f;
        foreach (float x in row)
            (lo, hi) = (MathF.Min(lo, x), MathF.Max(hi, x));
        return (lo, hi);
    }

    private static (float Low, float High) Range<TVector, TWidth>(ReadOnlySpan<float> row)
        where TVector : struct where TWidth : IVectorWidth<float, TVector>
    {
        ref float x = ref MemoryMarshal.GetReference(row);
        // Two of each, so that each chain waits on every other load, not on the one before.
        TVector low0 = TWidth.Zero, low1 = TWidth.Zero, high0 = TWidth.Zero, high1 = TWidth.Zero;
        int i = 0, count = TWidth.Count;
        for (; i <= row.Length - 2 * count; i += 2 * count)
        {
            TVector a = TWidth.Load(ref x, i), b = TWidth.Load(ref x, i + count);
            (low0, high0) = (TWidth.Min(low0, a), TWidth.Max(high0, a));
            (low1, high1) = (TWidth.Min(low1, b), TWidth.Max(high1, b));
        }
        TVector low = TWidth.Min(low0, low1), high = TWidth.Max(high0, high1);
        float lo = 0f, hi = 0f;
        for (int k = 0; k < count; k++)
            (lo, hi) = (MathF.Min(lo, TWidth.GetElement(low, k)), MathF.Max(hi, TWidth.GetElement(high, k)));
        for (; i < row.Length; i++)
            (lo, hi) = (MathF.Min(lo, Unsafe.Add(ref x, i)), MathF.Max(hi, Unsafe.Add(ref x, i)));
        return (lo, hi);
    }
}
