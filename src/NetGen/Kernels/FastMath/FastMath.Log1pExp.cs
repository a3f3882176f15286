using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>destination[k] = ln(1 + e^x[k])</c> for x[k] ≤ 0, for float or double: each value exactly as
    /// <see cref="Log1pExp(float)"/> or <see cref="Log1pExp(double)"/> computes it, and so within the error
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
    public static void Log1pExp<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Apply<T, Log1pExpOperator<T>>(x, destination);

    /// <summary><see cref="Log1pExp(float)"/> and <see cref="Log1pExp(double)"/> as an operator struct.</summary>
    internal readonly struct Log1pExpOperator<T> : IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T x)
        {
            if (typeof(T) == typeof(float))
                return Unsafe.BitCast<float, T>(Log1pExp(Unsafe.BitCast<T, float>(x)));
            if (typeof(T) == typeof(double))
                return Unsafe.BitCast<double, T>(Log1pExp(Unsafe.BitCast<T, double>(x)));
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> x)
        {
            if (typeof(T) == typeof(float))
                return Log1pExp(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Log1pExp(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> x)
        {
            if (typeof(T) == typeof(float))
                return Log1pExp(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Log1pExp(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> x)
        {
            if (typeof(T) == typeof(float))
                return Log1pExp(x.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double))
                return Log1pExp(x.AsDouble()).As<double, T>();
            throw Unsupported<T>();
        }
    }
}
