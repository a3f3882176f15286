using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // Below this |x| (just above atanh(1/2) ≈ 0.5493) tanh is the polynomial; above it,
    // 1 − 2/(e^2|x| + 1) subtracts a quotient no larger than 1/2 from 1, so no cancellation
    // magnifies the error of e^2|x|.
    private const float SingleTanhPolynomialBound = 0.55f;

    // tanh x ≈ x + x³·Q(x²) on |x| ≤ 0.55, Q of degree 4, fitted to minimize the relative error.
    private const float SingleTanhQ0 = -0.33333316f;
    private const float SingleTanhQ1 = 0.13332586f;
    private const float SingleTanhQ2 = -0.0538523f;
    private const float SingleTanhQ3 = 0.021071637f;
    private const float SingleTanhQ4 = -0.0062741777f;

    /// <summary>
    /// <c>tanh x = (e^x − e^−x) / (e^x + e^−x)</c> in float, within MAXULP_TANH_SINGLE ulp of the exact value.
    /// </summary>
    /// <remarks>
    /// <para>
    /// For |x| &lt; 0.55, tanh x = x + x³·Q(x²), a minimax polynomial of degree 11: there the
    /// exponential form would lose digits to cancellation. Above, tanh |x| = 1 − 2 / (e^2|x| + 1)
    /// with e^2|x| from <see cref="Exp(float)"/>, which saturates to exactly 1 once e^2|x| is large
    /// (and stays 1 where e^2|x| overflows). The sign of x is then copied onto the result, so tanh is
    /// exactly odd.
    /// </para>
    /// <para>
    /// Maximum error: MAXULP_TANH_SINGLE ulp. tanh(±0) = ±0, tanh(±∞) = ±1, |tanh x| ≤ 1, tanh(NaN) = NaN; a
    /// subnormal x returns x.
    /// </para>
    /// </remarks>
    public static float Tanh(float x)
    {
        float a = float.Abs(x);
        float y = a * a;
        float q = MathF.FusedMultiplyAdd(SingleTanhQ4, y, SingleTanhQ3);
        q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ2);
        q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ1);
        q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ0);
        float magnitude = a < SingleTanhPolynomialBound
            ? MathF.FusedMultiplyAdd(q, a * y, a)
            : 1f - 2f / (Exp(a + a) + 1f);
        // The sign bit by bits, as the vector forms do, so that even a NaN's bits agree.
        return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(magnitude) | (BitConverter.SingleToInt32Bits(x) & int.MinValue));
    }

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        Vector128<float> a = Vector128.Abs(x);
        Vector128<float> y = a * a;
        Vector128<float> q = Vector128.FusedMultiplyAdd(Vector128.Create(SingleTanhQ4), y, Vector128.Create(SingleTanhQ3));
        q = Vector128.FusedMultiplyAdd(q, y, Vector128.Create(SingleTanhQ2));
        q = Vector128.FusedMultiplyAdd(q, y, Vector128.Create(SingleTanhQ1));
        q = Vector128.FusedMultiplyAdd(q, y, Vector128.Create(SingleTanhQ0));
        Vector128<float> small = Vector128.FusedMultiplyAdd(q, a * y, a);
        Vector128<float> large = Vector128<float>.One - Vector128.Create(2f) / (Exp(a + a) + Vector128<float>.One);
        Vector128<float> magnitude = Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(SingleTanhPolynomialBound)), small, large);
        return magnitude | (x & Vector128.Create(-0.0f));
    }

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> a = Vector256.Abs(x);
        Vector256<float> y = a * a;
        Vector256<float> q = Vector256.FusedMultiplyAdd(Vector256.Create(SingleTanhQ4), y, Vector256.Create(SingleTanhQ3));
        q = Vector256.FusedMultiplyAdd(q, y, Vector256.Create(SingleTanhQ2));
        q = Vector256.FusedMultiplyAdd(q, y, Vector256.Create(SingleTanhQ1));
        q = Vector256.FusedMultiplyAdd(q, y, Vector256.Create(SingleTanhQ0));
        Vector256<float> small = Vector256.FusedMultiplyAdd(q, a * y, a);
        Vector256<float> large = Vector256<float>.One - Vector256.Create(2f) / (Exp(a + a) + Vector256<float>.One);
        Vector256<float> magnitude = Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(SingleTanhPolynomialBound)), small, large);
        return magnitude | (x & Vector256.Create(-0.0f));
    }

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> a = Vector512.Abs(x);
        Vector512<float> y = a * a;
        Vector512<float> q = Vector512.FusedMultiplyAdd(Vector512.Create(SingleTanhQ4), y, Vector512.Create(SingleTanhQ3));
        q = Vector512.FusedMultiplyAdd(q, y, Vector512.Create(SingleTanhQ2));
        q = Vector512.FusedMultiplyAdd(q, y, Vector512.Create(SingleTanhQ1));
        q = Vector512.FusedMultiplyAdd(q, y, Vector512.Create(SingleTanhQ0));
        Vector512<float> small = Vector512.FusedMultiplyAdd(q, a * y, a);
        Vector512<float> large = Vector512<float>.One - Vector512.Create(2f) / (Exp(a + a) + Vector512<float>.One);
        Vector512<float> magnitude = Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(SingleTanhPolynomialBound)), small, large);
        return magnitude | (x & Vector512.Create(-0.0f));
    }
}
