using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>e^x − 1</c> in float, accurate near 0 where e^x − 1 would cancel.</summary>
    /// <remarks>
    /// <para>
    /// Where the reduction's k is 0 (|x| up to about ln 2 / 2), r = x exactly and e^x − 1 = x + Polynomial
    /// (see <see cref="ExpReduced(float, bool)"/>), one rounding on a sum whose second term is under |x|/5.
    /// Elsewhere it is Value − 1 + Tail, with Value and Tail scaled by 2^k from that same reduction (see
    /// <see cref="ExpScaled(float, float, float, float)"/>: one reduction serves both forms) and the
    /// rounding error of Value − 1 kept exactly (Fast2Sum, the larger of Value and 1 first).
    /// </para>
    /// <para>
    /// Maximum error: 1.3 ulp; measured 1.02 ulp (FastMathAccuracyTests), just above ln 2 / 2, where
    /// e^x − 1 has a quarter of e^x's ulp and the polynomial's roundings count four times over. ELU,
    /// which calls it for x ≤ 0, is tested to its own bound over every 2⁻⁸ on [−30, 30]
    /// (ActivationAccuracyTests). e^±0 − 1 = ±0, e^x − 1 is −1 at −∞ and wherever e^x is under a
    /// quarter of 1's ulp, +∞ at +∞ and where e^x overflows, NaN at NaN.
    /// </para>
    /// </remarks>
    public static float ExpM1(float x)
    {
        // One reduction for both forms: its polynomial near 0, and its scaling elsewhere.
        var (head, headTail, polynomial, shifted) = ExpReduced(Math.Clamp(x, SingleExpLowest, SingleExpHighest));
        // x + Polynomial has x's sign (|Polynomial| < |x|/5) except at x = −0, where the sum is +0:
        // copying x's sign keeps e^−0 − 1 = −0.
        float nearZero = MathF.CopySign(x + polynomial, x);
        var (value, tail) = ExpScaled(head, headTail, polynomial, shifted);
        float difference = value - 1f;
        // The rounding error of Value − 1, exactly (Fast2Sum, the larger magnitude first): from −1 + Value
        // for Value ≤ 1, from Value − 1 for Value ≥ 1, each half 0 on the other side. The second is capped
        // at MaxValue so that e^x = ∞ leaves it finite.
        float atMostOne = MathF.Min(value, 1f);
        float atLeastOne = Math.Clamp(value, 1f, float.MaxValue);
        float differenceTail = (atMostOne - ((atMostOne - 1f) + 1f)) + ((atLeastOne - (atLeastOne - 1f)) - 1f);
        float far = difference + (differenceTail + tail);
        return shifted == SingleRoundingShift ? nearZero : far;
    }

    /// <inheritdoc cref="ExpM1(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1(Vector128<float> x)
    {
        Vector128<float> clamped = Vector128.ClampNative(x, Vector128.Create(SingleExpLowest), Vector128.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        Vector128<float> nearZero = Vector128.CopySign(x + polynomial, x);
        var (value, tail) = ExpScaled(x, head, headTail, polynomial, shifted);
        Vector128<float> difference = value - Vector128<float>.One;
        Vector128<float> atMostOne = Vector128.Min(value, Vector128<float>.One);
        Vector128<float> atLeastOne = Vector128.ClampNative(value, Vector128<float>.One, Vector128.Create(float.MaxValue));
        Vector128<float> differenceTail = (atMostOne - ((atMostOne - Vector128<float>.One) + Vector128<float>.One)) + ((atLeastOne - (atLeastOne - Vector128<float>.One)) - Vector128<float>.One);
        Vector128<float> far = difference + (differenceTail + tail);
        return Vector128.ConditionalSelect(Vector128.Equals(shifted, Vector128.Create(SingleRoundingShift)), nearZero, far);
    }

    /// <inheritdoc cref="ExpM1(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpM1(Vector256<float> x)
    {
        Vector256<float> clamped = Vector256.ClampNative(x, Vector256.Create(SingleExpLowest), Vector256.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        Vector256<float> nearZero = Vector256.CopySign(x + polynomial, x);
        var (value, tail) = ExpScaled(x, head, headTail, polynomial, shifted);
        Vector256<float> difference = value - Vector256<float>.One;
        Vector256<float> atMostOne = Vector256.Min(value, Vector256<float>.One);
        Vector256<float> atLeastOne = Vector256.ClampNative(value, Vector256<float>.One, Vector256.Create(float.MaxValue));
        Vector256<float> differenceTail = (atMostOne - ((atMostOne - Vector256<float>.One) + Vector256<float>.One)) + ((atLeastOne - (atLeastOne - Vector256<float>.One)) - Vector256<float>.One);
        Vector256<float> far = difference + (differenceTail + tail);
        return Vector256.ConditionalSelect(Vector256.Equals(shifted, Vector256.Create(SingleRoundingShift)), nearZero, far);
    }

    /// <inheritdoc cref="ExpM1(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpM1(Vector512<float> x)
    {
        Vector512<float> clamped = Vector512.ClampNative(x, Vector512.Create(SingleExpLowest), Vector512.Create(SingleExpHighest));
        var (head, headTail, polynomial, shifted) = ExpReduced(clamped);
        Vector512<float> nearZero = Vector512.CopySign(x + polynomial, x);
        var (value, tail) = ExpScaled(x, head, headTail, polynomial, shifted);
        Vector512<float> difference = value - Vector512<float>.One;
        Vector512<float> atMostOne = Vector512.Min(value, Vector512<float>.One);
        Vector512<float> atLeastOne = Vector512.ClampNative(value, Vector512<float>.One, Vector512.Create(float.MaxValue));
        Vector512<float> differenceTail = (atMostOne - ((atMostOne - Vector512<float>.One) + Vector512<float>.One)) + ((atLeastOne - (atLeastOne - Vector512<float>.One)) - Vector512<float>.One);
        Vector512<float> far = difference + (differenceTail + tail);
        return Vector512.ConditionalSelect(Vector512.Equals(shifted, Vector512.Create(SingleRoundingShift)), nearZero, far);
    }
}
