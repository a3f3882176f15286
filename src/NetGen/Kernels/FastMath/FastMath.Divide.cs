using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <see cref="Divide(float, float, float, float)"/> and <see cref="Divide(double, double, double, double)"/>
    /// on vectors of either: the same operations in the same order, at every width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Divide<T, TWidth, TVector>(TVector numerator, TVector numeratorTail, TVector denominator, TVector denominatorTail)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        TVector reciprocal = TWidth.Divide(TWidth.One, denominator);
        TVector quotient = TWidth.Multiply(numerator, reciprocal);
        TVector remainder = TWidth.Add(
            TWidth.FusedMultiplyAdd(TWidth.Negate(quotient), denominator, numerator),
            TWidth.FusedMultiplyAdd(TWidth.Negate(quotient), denominatorTail, numeratorTail));
        return TWidth.FusedMultiplyAdd(remainder, reciprocal, quotient);
    }
}
