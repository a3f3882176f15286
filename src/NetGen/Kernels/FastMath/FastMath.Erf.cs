using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>destination[k] = erf x[k]</c>, for float or double: each value exactly as
    /// <see cref="Erf(float)"/> or <see cref="Erf(double)"/> computes it, and so within the error
    /// bound stated there.
    /// </summary>
    /// <remarks>
    /// Runs the widest accelerated vectors first, then narrower ones and scalars on the remainder;
    /// since every form agrees lane for lane, where a value falls makes no difference to its result.
    /// <paramref name="destination"/> may be <paramref name="x"/> itself (in place).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is not as long as <paramref name="x"/>, or overlaps it without
    /// being the same span.
    /// </exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static void Erf<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, ErfOperator<T>>(x, destination);

    /// <summary><see cref="Erf(float)"/> and <see cref="Erf(double)"/> as an operator struct.</summary>
    internal readonly struct ErfOperator<T> : IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T x)
        {
            if (typeof(T) == typeof(float))
                return Unsafe.BitCast<float, T>(Erf(Unsafe.BitCast<T, float>(x)));
            if (typeof(T) == typeof(double))
                return Unsafe.BitCast<double, T>(Erf(Unsafe.BitCast<T, double>(x)));
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> x)
        {
            if (typeof(T) == typeof(float))
                return Erf(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Erf(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> x)
        {
            if (typeof(T) == typeof(float))
                return Erf(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Erf(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> x)
        {
            if (typeof(T) == typeof(float))
                return Erf(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Erf(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }
    }
}
