using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // Below this |x| (just above atanh(1/2) ≈ 0.5493) tanh is a polynomial, because there e^2|x| − 1
    // cancels: it magnifies the relative error of e^2|x| by e^2|x| / (e^2|x| − 1), which is 1.5 at
    // 0.55 and grows without bound toward 0.
    private const float SingleTanhPolynomialBound = 0.55f;

    // Above about 9.01, 1 − tanh|x| < 2^−25 and tanh rounds to 1; clamping |x| there keeps e^2|x| finite.
    private const float SingleTanhSaturation = 10f;

    // tanh x ≈ x + x³·Q(x²) on |x| ≤ 0.55, Q of degree 4: a minimax fit of the relative error.
    private const float SingleTanhQ0 = -0.33333316f;
    private const float SingleTanhQ1 = 0.13332586f;
    private const float SingleTanhQ2 = -0.0538523f;
    private const float SingleTanhQ3 = 0.021071637f;
    private const float SingleTanhQ4 = -0.0062741777f;

    /// <summary><c>tanh x = (e^x − e^−x) / (e^x + e^−x)</c> in float, within 1 ulp of the exact value (faithfully rounded).</summary>
    /// <remarks>
    /// <para>
    /// For |x| &lt; 0.55, tanh x = x + x³·Q(x²), a minimax polynomial of degree 11, where the
    /// exponential form would cancel. Above, tanh|x| = (e^2|x| − 1) / (e^2|x| + 1), with e^2|x| from
    /// <see cref="Exp(float)"/> and the numerator and denominator carried with the tails of their
    /// roundings into a division that rounds once. |x| is clamped to 10, beyond which tanh rounds to 1.
    /// The sign of x is copied onto the result, so tanh is exactly odd.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp; measured 0.77 ulp over every float argument.
    /// tanh(±0) = ±0, tanh(±∞) = ±1, |tanh x| ≤ 1, tanh(NaN) = NaN, and a subnormal x returns x.
    /// </para>
    /// </remarks>
    public static float Tanh(float x)
    {
        if (float.IsNaN(x))
            return x;
        float a = float.Abs(x);
        float magnitude;
        if (a < SingleTanhPolynomialBound)
        {
            float y = a * a;
            float q = MathF.FusedMultiplyAdd(SingleTanhQ4, y, SingleTanhQ3);
            q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ2);
            q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ1);
            q = MathF.FusedMultiplyAdd(q, y, SingleTanhQ0);
            magnitude = MathF.FusedMultiplyAdd(q, a * y, a);
        }
        else
        {
            var (e, eTail) = ExpWithTail(Math.Min(a, SingleTanhSaturation) * 2f);
            // e − 1 and e + 1 with the parts their roundings dropped (Fast2Sum, as e ≥ 1).
            float numerator = e - 1f;
            float denominator = e + 1f;
            magnitude = Divide(
                numerator, ((e - numerator) - 1f) + eTail,
                denominator, ((e - denominator) + 1f) + eTail);
        }
        return float.CopySign(magnitude, x);
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
        var (e, eTail) = ExpWithTail(Vector128.MinNative(a, Vector128.Create(SingleTanhSaturation)) * Vector128.Create(2f), ExpRange.Moderate);
        Vector128<float> numerator = e - Vector128<float>.One;
        Vector128<float> denominator = e + Vector128<float>.One;
        Vector128<float> large = Divide(
            numerator, ((e - numerator) - Vector128<float>.One) + eTail,
            denominator, ((e - denominator) + Vector128<float>.One) + eTail);
        Vector128<float> magnitude = Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(SingleTanhPolynomialBound)), small, large);
        // magnitude ≥ +0, so or-ing in the sign bit is CopySign.
        return Vector128.ConditionalSelect(Vector128.IsNaN(x), x, magnitude | (x & Vector128.Create(-0.0f)));
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
        var (e, eTail) = ExpWithTail(Vector256.MinNative(a, Vector256.Create(SingleTanhSaturation)) * Vector256.Create(2f), ExpRange.Moderate);
        Vector256<float> numerator = e - Vector256<float>.One;
        Vector256<float> denominator = e + Vector256<float>.One;
        Vector256<float> large = Divide(
            numerator, ((e - numerator) - Vector256<float>.One) + eTail,
            denominator, ((e - denominator) + Vector256<float>.One) + eTail);
        Vector256<float> magnitude = Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(SingleTanhPolynomialBound)), small, large);
        // magnitude ≥ +0, so or-ing in the sign bit is CopySign.
        return Vector256.ConditionalSelect(Vector256.IsNaN(x), x, magnitude | (x & Vector256.Create(-0.0f)));
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
        var (e, eTail) = ExpWithTail(Vector512.MinNative(a, Vector512.Create(SingleTanhSaturation)) * Vector512.Create(2f), ExpRange.Moderate);
        Vector512<float> numerator = e - Vector512<float>.One;
        Vector512<float> denominator = e + Vector512<float>.One;
        Vector512<float> large = Divide(
            numerator, ((e - numerator) - Vector512<float>.One) + eTail,
            denominator, ((e - denominator) + Vector512<float>.One) + eTail);
        Vector512<float> magnitude = Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(SingleTanhPolynomialBound)), small, large);
        // magnitude ≥ +0, so or-ing in the sign bit is CopySign.
        return Vector512.ConditionalSelect(Vector512.IsNaN(x), x, magnitude | (x & Vector512.Create(-0.0f)));
    }
}
