using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>An operation on one value, with a scalar form for tails and a vector form for the rest.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IUnaryOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract T Invoke(T x);
    static abstract Vector<T> Invoke(Vector<T> x);
}

/// <summary>An operation on two values, with a scalar form for tails and a vector form for the rest.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IBinaryOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract T Invoke(T x, T y);
    static abstract Vector<T> Invoke(Vector<T> x, Vector<T> y);
}

/// <summary>Runs an operator struct over spans, a vector at a time then a scalar tail.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Elementwise
{
    /// <summary><c>values[k] = TOperator(values[k])</c>.</summary>
    public static void Apply<T, TOperator>(Span<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IUnaryOperator<T>
    {
        ref T v = ref MemoryMarshal.GetReference(values);
        int width = Vector<T>.Count, k = 0;
        for (; k <= values.Length - width; k += width)
            TOperator.Invoke(Vector.LoadUnsafe(ref v, (nuint)k)).StoreUnsafe(ref v, (nuint)k);
        for (; k < values.Length; k++)
            Unsafe.Add(ref v, k) = TOperator.Invoke(Unsafe.Add(ref v, k));
    }

    /// <summary><c>values[k] = TOperator(x[k], values[k])</c>.</summary>
    public static void Apply<T, TOperator>(ReadOnlySpan<T> x, Span<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TOperator : IBinaryOperator<T>
    {
        Checks.Length(x, values.Length, nameof(x));
        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T v = ref MemoryMarshal.GetReference(values);
        int width = Vector<T>.Count, k = 0;
        for (; k <= values.Length - width; k += width)
            TOperator.Invoke(Vector.LoadUnsafe(ref xRef, (nuint)k), Vector.LoadUnsafe(ref v, (nuint)k)).StoreUnsafe(ref v, (nuint)k);
        for (; k < values.Length; k++)
            Unsafe.Add(ref v, k) = TOperator.Invoke(Unsafe.Add(ref xRef, k), Unsafe.Add(ref v, k));
    }
}
