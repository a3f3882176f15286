using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Vectorized e^x, sigmoid and tanh for <see cref="float"/> and <see cref="double"/>, with a stated
/// maximum error in units in the last place (ulps), for the activation kernels.
/// </summary>
/// <remarks>
/// <para>
/// Each function has a scalar form and <see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> and
/// <see cref="Vector512{T}"/> forms that run the same sequence of correctly rounded IEEE operations
/// (fused multiply-adds included), so every lane of every width equals the scalar result bit for bit.
/// That is what lets the span forms finish a vector body with narrower vectors and a scalar tail
/// without a seam, and what makes a result independent of the machine's vector width.
/// </para>
/// <para>
/// Fused multiply-add is used unconditionally: it is exact by definition, so the error bounds and the
/// lane-for-lane equality hold everywhere. On the rare x64 processor without FMA, .NET computes it in
/// software: still the same bits, only slower.
/// </para>
/// <para>
/// Results that fall in the subnormal range are rounded gradually, not flushed to zero; they carry at
/// most one more rounding than normal results (see each function for its bound).
/// </para>
/// </remarks>
public static partial class FastMath
{
    /// <summary>
    /// Writes <c>TOperator(x[k])</c> to <c>destination[k]</c>, widest vectors first: Vector512 when it
    /// is accelerated, then Vector256 and Vector128 on what is left, then scalars.
    /// </summary>
    private static void Apply<T, TOperator>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IFastMathOperator<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"FastMath computes in float or double, not {typeof(T).Name}.");
        Checks.Length(destination, x.Length, nameof(destination));
        // In place is fine because every value is read before its own slot is written; a shifted
        // overlap would read values this call has already overwritten.
        if (x.Overlaps(destination, out int offset) && offset != 0)
            throw new ArgumentException(
                $"'{nameof(destination)}' overlaps '{nameof(x)}' shifted by {offset} values: expected the same span (in place) or no overlap.",
                nameof(destination));

        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length, k = 0;

        // IsHardwareAccelerated is a JIT-time constant, so only the loops this machine can run are
        // compiled. Once a wider loop has run, each narrower one runs at most once, on its remainder.
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector512<T>.Count <= length; k += (nuint)Vector512<T>.Count)
                TOperator.Invoke(Vector512.LoadUnsafe(ref source, k)).StoreUnsafe(ref target, k);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector256<T>.Count <= length; k += (nuint)Vector256<T>.Count)
                TOperator.Invoke(Vector256.LoadUnsafe(ref source, k)).StoreUnsafe(ref target, k);
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector128<T>.Count <= length; k += (nuint)Vector128<T>.Count)
                TOperator.Invoke(Vector128.LoadUnsafe(ref source, k)).StoreUnsafe(ref target, k);
        }
        for (; k < length; k++)
            Unsafe.Add(ref target, k) = TOperator.Invoke(Unsafe.Add(ref source, k));
    }

    /// <summary>Forwards a <see cref="Vector{T}"/> to the fixed-width form of the same size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> InvokeAsFixedWidth<T, TOperator>(Vector<T> x)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IFastMathOperator<T>
    {
        if (Vector<byte>.Count == Vector512<byte>.Count)
            return TOperator.Invoke(x.AsVector512()).AsVector();
        if (Vector<byte>.Count == Vector256<byte>.Count)
            return TOperator.Invoke(x.AsVector256()).AsVector();
        return TOperator.Invoke(x.AsVector128()).AsVector();
    }

    private static NotSupportedException Unsupported<T>() =>
        new($"FastMath computes in float or double, not {typeof(T).Name}.");
}

/// <summary>
/// A <see cref="FastMath"/> function as an operator struct: its scalar form for tails and its forms at
/// each fixed vector width, all equal lane for lane.
/// </summary>
internal interface IFastMathOperator<T> : IUnaryOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract Vector128<T> Invoke(Vector128<T> x);
    static abstract Vector256<T> Invoke(Vector256<T> x);
    static abstract Vector512<T> Invoke(Vector512<T> x);
}
