using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>The polynomial with coefficients <paramref name="c"/> (highest degree first) at <paramref name="u"/>, by Horner's rule.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Polynomial<T, TWidth, TVector>(ReadOnlySpan<T> c, TVector u)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TWidth : IVectorWidth<T, TVector>
        where TVector : struct
    {
        TVector p = TWidth.Broadcast(c[0]);
        for (int i = 1; i < c.Length; i++)
            p = TWidth.FusedMultiplyAdd(p, u, TWidth.Broadcast(c[i]));
        return p;
    }
}
