using System;
using System.Numerics;
using System.Numerics.Tensors;

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
        float lo = MathF.Min(0f, TensorPrimitives.Min(row)), hi = MathF.Max(0f, TensorPrimitives.Max(row));
        float range = hi - lo;
        if (!float.IsFinite(range))
        {
            levels.Clear();
            zeroPoint = 0;
            return float.NaN;
        }
        if (range == 0f)
        {
            levels.Clear();
            zeroPoint = 0;
            return 1f;
        }
        float inverseStep = Levels / range;
        zeroPoint = (int)MathF.Round(-lo * inverseStep);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lowest = Vector<int>.Zero;
            var highest = new Vector<int>(Levels);
            var zero = new Vector<int>(zeroPoint);
            var scale = new Vector<float>(inverseStep);
            int count = Vector<float>.Count;
            for (; i <= row.Length - 4 * count; i += 4 * count)
            {
                Vector<int> a = Level(new Vector<float>(row.Slice(i)), scale, zero, lowest, highest);
                Vector<int> b = Level(new Vector<float>(row.Slice(i + count)), scale, zero, lowest, highest);
                Vector<int> c = Level(new Vector<float>(row.Slice(i + 2 * count)), scale, zero, lowest, highest);
                Vector<int> d = Level(new Vector<float>(row.Slice(i + 3 * count)), scale, zero, lowest, highest);
                Vector.Narrow(Vector.Narrow(Vector.AsVectorUInt32(a), Vector.AsVectorUInt32(b)), Vector.Narrow(Vector.AsVectorUInt32(c), Vector.AsVectorUInt32(d)))
                    .CopyTo(levels.Slice(i));
            }
        }
        for (; i < row.Length; i++)
            levels[i] = (byte)Math.Clamp((int)MathF.Round(row[i] * inverseStep) + zeroPoint, 0, Levels);
        levels.Slice(row.Length).Clear();
        return range / Levels;
    }

    private static Vector<int> Level(Vector<float> x, Vector<float> scale, Vector<int> zero, Vector<int> lowest, Vector<int> highest) =>
        Vector.Min(Vector.Max(Vector.ConvertToInt32(Vector.Round(x * scale)) + zero, lowest), highest);
}
