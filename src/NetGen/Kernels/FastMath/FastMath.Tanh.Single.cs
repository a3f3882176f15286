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

    // The bits of the rounding shift plus 127, less those of ExpReduced's Shifted (the shift plus k),
    // leave 127 − k, the biased exponent of 2^−k.
    private const int SingleTanhInverseBits = 0x4B400000 + 127;

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
    /// exponential form would cancel. Above, tanh|x| = (e^2|x| − 1) / (e^2|x| + 1), and with e^2|x| =
    /// 2^k·e^r from the reduction of <see cref="Exp(float)"/> that is (e^r − 2^−k) / (e^r + 2^−k): dividing
    /// the constant by 2^k rather than scaling e^r keeps the scaling off the critical path. Numerator and
    /// denominator are carried with the tails of their roundings into a division that rounds once.
    /// |x| is clamped to 10, beyond which tanh rounds to 1.
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
            var (head, headTail, polynomial, shifted) = ExpReduced(Math.Min(a, SingleTanhSaturation), doubled: true);
            float inverse = BitConverter.Int32BitsToSingle((SingleTanhInverseBits - BitConverter.SingleToInt32Bits(shifted)) << 23);
            // e^r = head + headTail + polynomial as a sum and the tail of its rounding (Fast2Sum, as the
            // polynomial is the smaller, with headTail added in); then tanh a = (e^2a − 1) / (e^2a + 1) =
            // (e^r − 2^−k) / (e^r + 2^−k), each side a sum and its exact tail again (as e^r > 2^−k for k ≥ 2).
            float expR = head + polynomial;
            float expRTail = ((head - expR) + polynomial) + headTail;
            float numerator = expR - inverse;
            float denominator = expR + inverse;
            magnitude = Divide(
                numerator, ((expR - numerator) - inverse) + expRTail,
                denominator, ((expR - denominator) + inverse) + expRTail);
        }
        return float.CopySign(magnitude, x);
    }

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x) => SingleTanh<Width128<float>, Vector128<float>>(x);

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x) => SingleTanh<Width256<float>, Vector256<float>>(x);

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x) => SingleTanh<Width512<float>, Vector512<float>>(x);

    /// <inheritdoc cref="Tanh(float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SingleTanh<TWidth, TVector>(TVector x)
        where TWidth : IVectorWidth<float, TVector>
        where TVector : struct
    {
        TVector a = TWidth.Abs(x);
        TVector sign = TWidth.And(x, TWidth.Broadcast(-0.0f));
        TVector y = TWidth.Multiply(a, a);
        TVector q = TWidth.FusedMultiplyAdd(TWidth.Broadcast(SingleTanhQ4), y, TWidth.Broadcast(SingleTanhQ3));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(SingleTanhQ2));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(SingleTanhQ1));
        q = TWidth.FusedMultiplyAdd(q, y, TWidth.Broadcast(SingleTanhQ0));
        TVector small = TWidth.FusedMultiplyAdd(q, TWidth.Multiply(a, y), a);
        var (head, headTail, polynomial, shifted) = SingleExpReduced<TWidth, TVector>(
            TWidth.MinNative(a, TWidth.Broadcast(SingleTanhSaturation)),
            doubled: true);
        TVector inverse = TWidth.ShiftLeftIntegers(TWidth.SubtractIntegers(TWidth.BroadcastInteger(SingleTanhInverseBits), shifted), 23);
        TVector expR = TWidth.Add(head, polynomial);
        TVector expRTail = TWidth.Add(TWidth.Add(TWidth.Subtract(head, expR), polynomial), headTail);
        TVector numerator = TWidth.Subtract(expR, inverse);
        TVector denominator = TWidth.Add(expR, inverse);
        TVector numeratorTail = TWidth.Add(TWidth.Subtract(TWidth.Subtract(expR, numerator), inverse), expRTail);
        // The sign goes onto the numerator, which the division waits for less than its denominator;
        // Divide is odd in the numerator, so this is CopySign. Lanes under the bound, which the
        // reduction above does not fit, take the polynomial, and NaN passes through.
        TVector large = Divide<float, TWidth, TVector>(
            TWidth.Xor(numerator, sign),
            TWidth.Xor(numeratorTail, sign),
            denominator,
            TWidth.Add(TWidth.Add(TWidth.Subtract(expR, denominator), inverse), expRTail));
        TVector smallOrNaN = TWidth.ConditionalSelect(TWidth.IsNaN(x), x, TWidth.Or(small, sign));
        return TWidth.ConditionalSelect(TWidth.GreaterThanOrEqual(a, TWidth.Broadcast(SingleTanhPolynomialBound)), large, smallOrNaN);
    }
}
