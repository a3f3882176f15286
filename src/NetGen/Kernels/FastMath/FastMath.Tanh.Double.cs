using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    // Below this |x| (just above atanh(1/2) ≈ 0.5493) tanh is a polynomial, because there e^2|x| − 1
    // cancels: it magnifies the relative error of e^2|x| by e^2|x| / (e^2|x| − 1), which is 1.5 at
    // 0.55 and grows without bound toward 0.
    private const double DoubleTanhPolynomialBound = 0.55;

    // Above about 19.06, 1 − tanh|x| < 2^−54 and tanh rounds to 1; clamping |x| there keeps e^2|x| finite.
    private const double DoubleTanhSaturation = 20.0;

    // The bits of the rounding shift plus 1023, less those of ExpReduced's Shifted (the shift plus k),
    // leave 1023 − k, the biased exponent of 2^−k.
    private const long DoubleTanhInverseBits = 0x4338000000000000 + 1023;

    // tanh x ≈ x + x³·Q(x²) on |x| ≤ 0.55, Q of degree 10: a minimax fit of the relative error.
    private const double DoubleTanhQ0 = -0.333333333333333;
    private const double DoubleTanhQ1 = 0.1333333333332662;
    private const double DoubleTanhQ2 = -0.05396825396376033;
    private const double DoubleTanhQ3 = 0.021869488385847825;
    private const double DoubleTanhQ4 = -0.008863232601310533;
    private const double DoubleTanhQ5 = 0.003592092029110432;
    private const double DoubleTanhQ6 = -0.001455542837150739;
    private const double DoubleTanhQ7 = 0.0005884444504649802;
    private const double DoubleTanhQ8 = -0.00023338147328397273;
    private const double DoubleTanhQ9 = 8.331631385672328e-05;
    private const double DoubleTanhQ10 = -1.9494603920177647e-05;

    /// <summary><c>tanh x = (e^x − e^−x) / (e^x + e^−x)</c> in double, within 1 ulp of the exact value (faithfully rounded).</summary>
    /// <remarks>
    /// <para>
    /// For |x| &lt; 0.55, tanh x = x + x³·Q(x²), a minimax polynomial of degree 23, where the
    /// exponential form would cancel. Above, tanh|x| = (e^2|x| − 1) / (e^2|x| + 1), and with e^2|x| =
    /// 2^k·e^r from the reduction of <see cref="Exp(double)"/> that is (e^r − 2^−k) / (e^r + 2^−k): dividing
    /// the constant by 2^k rather than scaling e^r keeps the scaling off the critical path. Numerator and
    /// denominator are carried with the tails of their roundings into a division that rounds once.
    /// |x| is clamped to 20, beyond which tanh rounds to 1.
    /// The sign of x is copied onto the result, so tanh is exactly odd.
    /// </para>
    /// <para>
    /// Maximum error: under 1 ulp; measured 0.72 ulp over 2·10⁷ random arguments in [−20, 20].
    /// tanh(±0) = ±0, tanh(±∞) = ±1, |tanh x| ≤ 1, tanh(NaN) = NaN, and a subnormal x returns x.
    /// </para>
    /// </remarks>
    public static double Tanh(double x)
    {
        if (double.IsNaN(x))
            return x;
        double a = double.Abs(x);
        double magnitude;
        if (a < DoubleTanhPolynomialBound)
        {
            double y = a * a;
            double q = Math.FusedMultiplyAdd(DoubleTanhQ10, y, DoubleTanhQ9);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ8);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ7);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ6);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ5);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ4);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ3);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ2);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ1);
            q = Math.FusedMultiplyAdd(q, y, DoubleTanhQ0);
            magnitude = Math.FusedMultiplyAdd(q, a * y, a);
        }
        else
        {
            var (head, headTail, polynomial, shifted) = ExpReduced(Math.Min(a, DoubleTanhSaturation), doubled: true);
            double inverse = BitConverter.Int64BitsToDouble((DoubleTanhInverseBits - BitConverter.DoubleToInt64Bits(shifted)) << 52);
            // e^r = head + headTail + polynomial as a sum and the tail of its rounding (Fast2Sum, as the
            // polynomial is the smaller, with headTail added in); then tanh a = (e^2a − 1) / (e^2a + 1) =
            // (e^r − 2^−k) / (e^r + 2^−k), each side a sum and its exact tail again (as e^r > 2^−k for k ≥ 2).
            double expR = head + polynomial;
            double expRTail = ((head - expR) + polynomial) + headTail;
            double numerator = expR - inverse;
            double denominator = expR + inverse;
            magnitude = Divide(
                numerator, ((expR - numerator) - inverse) + expRTail,
                denominator, ((expR - denominator) + inverse) + expRTail);
        }
        return double.CopySign(magnitude, x);
    }

    /// <inheritdoc cref="Tanh(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Tanh(Vector128<double> x) => DoubleTanh<Width128<double>, Vector128<double>>(x);

    /// <inheritdoc cref="Tanh(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Tanh(Vector256<double> x) => DoubleTanh<Width256<double>, Vector256<double>>(x);

    /// <inheritdoc cref="Tanh(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Tanh(Vector512<double> x) => DoubleTanh<Width512<double>, Vector512<double>>(x);

    /// <inheritdoc cref="Tanh(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DoubleTanh<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<double, TVector>
        where TVector : struct
    {
        TVector a = TWidth.Abs(x);
        TVector sign = TWidth.And(x, TWidth.Broadcast(-0.0));
        TVector y = TWidth.Multiply(a, a);
        TVector q = TWidth.FusedMultiplyAdd(TWidth.Broadcast(DoubleTanhQ10), y, TWidth.Broadcast(DoubleTanhQ9));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ8));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ7));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ6));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ5));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ4));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ3));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ2));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ1));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(DoubleTanhQ0));
        TVector small = TWidth.FusedMultiplyAdd(q, TWidth.Multiply(a, y), a);
        var (head, headTail, polynomial, shifted) = DoubleExpReduced<TWidth, TVector>(
            TWidth.MinNative(a, TWidth.Broadcast(DoubleTanhSaturation)),
            doubled: true);
        TVector inverse = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(TWidth.BroadcastInteger(DoubleTanhInverseBits), shifted), 52);
        TVector expR = TWidth.Add(head, polynomial);
        TVector expRTail = TWidth.Add(TWidth.Add(TWidth.Subtract(head, expR), polynomial), headTail);
        TVector numerator = TWidth.Subtract(expR, inverse);
        TVector denominator = TWidth.Add(expR, inverse);
        TVector numeratorTail = TWidth.Add(TWidth.Subtract(TWidth.Subtract(expR, numerator), inverse), expRTail);
        // The sign goes onto the numerator, which the division waits for less than its denominator;
        // Divide is odd in the numerator, so this is CopySign. Lanes under the bound, which the
        // reduction above does not fit, take the polynomial, and NaN passes through.
        TVector large = Divide<double, TWidth, TVector>(
            TWidth.Xor(numerator, sign),
            TWidth.Xor(numeratorTail, sign),
            denominator,
            TWidth.Add(TWidth.Add(TWidth.Subtract(expR, denominator), inverse), expRTail));
        TVector smallOrNaN = TWidth.ConditionalSelect(TWidth.IsNaN(x), x, TWidth.Or(small, sign));
        return TWidth.ConditionalSelect(TWidth.GreaterThanOrEqual(a, TWidth.Broadcast(DoubleTanhPolynomialBound)), large, smallOrNaN);
    }
}
