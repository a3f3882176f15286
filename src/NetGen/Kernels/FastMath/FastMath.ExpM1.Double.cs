using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><c>e^x − 1</c> in double, accurate near 0 where e^x − 1 would cancel.</summary>
    /// <remarks>
    /// <para>
    /// Where the reduction's k is 0 (|x| up to about ln 2 / 2), r = x exactly and e^x − 1 = x + Polynomial
    /// (see <see cref="ExpReduced(double, bool)"/>), one rounding on a sum whose second term is under |x|/5.
    /// Elsewhere it is Value − 1 + Tail, with Value and Tail scaled by 2^k from that same reduction (see
    /// <see cref="ExpScaled(double, double, double, double)"/>: one reduction serves both forms) and the
    /// rounding error of Value − 1 kept exactly (Fast2Sum, the larger of Value and 1 first).
    /// </para>
    /// <para>
    /// Maximum error: 1.3 ulp; measured 1.24 ulp (FastMathAccuracyTests), just above ln 2 / 2, where
    /// e^x − 1 has a quarter of e^x's ulp and the polynomial's roundings count four times over. ELU,
    /// which calls it for x ≤ 0, is tested to its own bound over every 2⁻⁸ on [−30, 30]
    /// (ActivationAccuracyTests). e^±0 − 1 = ±0, e^x − 1 is −1 at −∞ and wherever e^x is under a
    /// quarter of 1's ulp, +∞ at +∞ and where e^x overflows, NaN at NaN.
    /// </para>
    /// </remarks>
    public static double ExpM1(double x)
    {
        // One reduction for both forms: its polynomial near 0, and its scaling elsewhere.
        var (head, headTail, polynomial, shifted) = ExpReduced(Math.Clamp(x, DoubleExpLowest, DoubleExpHighest));
        // x + Polynomial has x's sign (|Polynomial| < |x|/5) except at x = −0, where the sum is +0:
        // copying x's sign keeps e^−0 − 1 = −0.
        double nearZero = Math.CopySign(x + polynomial, x);
        var (value, tail) = ExpScaled(head, headTail, polynomial, shifted);
        double difference = value - 1.0;
        // The rounding error of Value − 1, exactly (Fast2Sum, the larger magnitude first): from −1 + Value
        // for Value ≤ 1, from Value − 1 for Value ≥ 1, each half 0 on the other side. The second is capped
        // at MaxValue so that e^x = ∞ leaves it finite.
        double atMostOne = Math.Min(value, 1.0);
        double atLeastOne = Math.Clamp(value, 1.0, double.MaxValue);
        double differenceTail = (atMostOne - ((atMostOne - 1.0) + 1.0)) + ((atLeastOne - (atLeastOne - 1.0)) - 1.0);
        double far = difference + (differenceTail + tail);
        return shifted == DoubleRoundingShift ? nearZero : far;
    }

    /// <inheritdoc cref="ExpM1(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1(Vector128<double> x) => DoubleExpM1<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="ExpM1(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpM1(Vector256<double> x) => DoubleExpM1<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="ExpM1(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ExpM1(Vector512<double> x) => DoubleExpM1<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="ExpM1(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleExpM1<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector clamped = TWidth.ClampNative(x, TWidth.Broadcast(DoubleExpLowest), TWidth.Broadcast(DoubleExpHighest));
        var (head, headTail, polynomial, shifted) = DoubleExpReduced<TWidth, TVector>(clamped);
        TVector nearZero = TWidth.CopySign(TWidth.Add(x, polynomial), x);
        var (value, tail) = DoubleExpScaled<TWidth, TVector>(x, head, headTail, polynomial, shifted);
        TVector difference = TWidth.Subtract(value, TWidth.One);
        TVector atMostOne = AtMost<double, TWidth, TVector>(value, TWidth.One);
        TVector atLeastOne = TWidth.ClampNative(value, TWidth.One, TWidth.Broadcast(double.MaxValue));
        TVector differenceTail = TWidth.Add(
            TWidth.Subtract(atMostOne, TWidth.Add(TWidth.Subtract(atMostOne, TWidth.One), TWidth.One)),
            TWidth.Subtract(TWidth.Subtract(atLeastOne, TWidth.Subtract(atLeastOne, TWidth.One)), TWidth.One));
        TVector far = TWidth.Add(difference, TWidth.Add(differenceTail, tail));
        return TWidth.ConditionalSelect(TWidth.Equal(shifted, TWidth.Broadcast(DoubleRoundingShift)), nearZero, far);
    }
}
