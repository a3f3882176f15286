using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// Vectorized e^x, sigmoid, tanh, erf and the other functions the activation kernels need, for
/// <see cref="float"/> and <see cref="double"/>, each with a stated maximum error in units in the last place (ulps).
/// </summary>
/// <remarks>
/// <para>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </para>
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
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FastMath
{
    /// <summary>
    /// Writes <c>TOperator(x[k])</c> to <c>destination[k]</c>, widest vectors first: Vector512 when it
    /// is accelerated, then Vector256 and Vector128 on what is left, then scalars.
    /// </summary>
    private static void Apply<T, TOperator>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IVectorOperator<T>
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw Unsupported<T>();
        if (destination.Length != x.Length)
            ThrowLength(destination, x.Length);
        // In place is fine because every value is read before its own slot is written; a shifted
        // overlap would read values this call has already overwritten.
        if (x.Overlaps(destination, out int offset) && offset != 0)
            ThrowOverlap(offset);

        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length, k = 0;

        // IsHardwareAccelerated is a JIT-time constant, so only the loops this machine can run are
        // compiled. Once a wider loop has run, each narrower one runs at most once, on its remainder.
        if (Vector512.IsHardwareAccelerated && length - k >= (nuint)Vector512<T>.Count)
            k = Apply<T, TOperator, Vector512<T>, Width512<T>>(ref source, ref target, k, length);
        if (Vector256.IsHardwareAccelerated && length - k >= (nuint)Vector256<T>.Count)
            k = Apply<T, TOperator, Vector256<T>, Width256<T>>(ref source, ref target, k, length);
        if (Vector128.IsHardwareAccelerated && length - k >= (nuint)Vector128<T>.Count)
            k = Apply<T, TOperator, Vector128<T>, Width128<T>>(ref source, ref target, k, length);
        for (; k < length; k++)
            Unsafe.Add(ref target, k) = TOperator.Invoke(Unsafe.Add(ref source, k));
    }

    /// <summary>
    /// Applies the operator a <typeparamref name="TWidth"/> vector at a time from <paramref name="k"/> on,
    /// while a whole vector is left; returns where it stopped.
    /// </summary>
    /// <remarks>
    /// Kept out of line, one compiled copy per width: inlining an operator takes a good part of the
    /// JIT's inlining budget for the method it lands in, and with all three widths in one method the
    /// JIT gave up part way and left calls (passing vectors through memory) in the loops.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nuint Apply<T, TOperator, TVector, TWidth>(ref T source, ref T target, nuint k, nuint length)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IVectorOperator<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        for (; k + (nuint)TWidth.Count <= length; k += (nuint)TWidth.Count)
            TWidth.Store(TWidth.Apply<TOperator>(TWidth.Load(ref source, (nint)k)), ref target, (nint)k);
        return k;
    }

    // The throws live out of line so that building their messages does not count against the
    // inlining budget of the loops, which need every operator inlined.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NotSupportedException Unsupported<T>() =>
        new($"FastMath computes in float or double, not {typeof(T).Name}.");

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength<T>(Span<T> destination, int expected)
    {
        Checks.Length(destination, expected, nameof(destination));
        throw new UnreachableException();
    }

    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOverlap(int offset) =>
        throw new ArgumentException(
            $"'destination' overlaps 'x' shifted by {offset} values: expected the same span (in place) or no overlap.",
            "destination");
}
