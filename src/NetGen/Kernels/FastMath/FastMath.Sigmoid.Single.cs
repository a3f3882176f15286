using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>σ(x) = 1 / (1 + e^−x)</c> in float, within MAXULP_SIG_SINGLE ulp of the exact value.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Computed as 1 / (1 + e) for x ≥ 0 and e / (1 + e) for x &lt; 0, with e = e^−|x| from
    /// <see cref="Exp(float)"/>: e never exceeds 1, so nothing overflows, and for large negative x,
    /// where σ(x) ≈ e^x is tiny, the result keeps its relative accuracy instead of being the
    /// difference of two numbers near 1.
    /// </para>
    /// <para>
    /// Maximum error: MAXULP_SIG_SINGLE ulp; results below the smallest normal float (x below about −87.3)
    /// are subnormal, within 1 ulp of the subnormal spacing, and 0 for x below about −103.97.
    /// σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
    /// </para>
    /// </remarks>
    public static float Sigmoid(float x)
    {
        // −|x| by setting the sign bit, as the vector forms do, so that even a NaN's bits agree.
        float e = Exp(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) | int.MinValue));
        float numerator = x >= 0 ? 1f : e;
        return numerator / (1f + e);
    }

    /// <inheritdoc cref="Sigmoid(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x)
    {
        Vector128<float> e = Exp(x | Vector128.Create(-0.0f));
        Vector128<float> numerator = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), Vector128<float>.One, e);
        return numerator / (Vector128<float>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x)
    {
        Vector256<float> e = Exp(x | Vector256.Create(-0.0f));
        Vector256<float> numerator = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), Vector256<float>.One, e);
        return numerator / (Vector256<float>.One + e);
    }

    /// <inheritdoc cref="Sigmoid(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x)
    {
        Vector512<float> e = Exp(x | Vector512.Create(-0.0f));
        Vector512<float> numerator = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), Vector512<float>.One, e);
        return numerator / (Vector512<float>.One + e);
    }
}
