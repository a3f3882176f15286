using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary>
    /// <c>ln(1 + e^x)</c> for x ≤ 0 (softplus's tail) as an operator struct: <see cref="Log1p(float)"/> of
    /// e^x, corrected to first order by what e^x's last rounding dropped (tail/(1 + e^x)), so that
    /// the exponential's error does not carry through where ln(1 + e^x) is nearly e^x.
    /// </summary>
    internal readonly struct Log1pExpOperator<T> : IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Invoke(T x)
        {
            if (typeof(T) == typeof(float))
            {
                var (e, tail) = ExpWithTail(Unsafe.BitCast<T, float>(x));
                return Unsafe.BitCast<float, T>(Log1p(e) + tail / (1f + e));
            }
            if (typeof(T) == typeof(double))
            {
                var (e, tail) = ExpWithTail(Unsafe.BitCast<T, double>(x));
                return Unsafe.BitCast<double, T>(Log1p(e) + tail / (1.0 + e));
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Invoke(Vector128<T> x)
        {
            if (typeof(T) == typeof(float))
            {
                var (e, tail) = ExpWithTail(x.AsSingle(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector128<float>.One + e)).As<float, T>();
            }
            if (typeof(T) == typeof(double))
            {
                var (e, tail) = ExpWithTail(x.AsDouble(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector128<double>.One + e)).As<double, T>();
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Invoke(Vector256<T> x)
        {
            if (typeof(T) == typeof(float))
            {
                var (e, tail) = ExpWithTail(x.AsSingle(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector256<float>.One + e)).As<float, T>();
            }
            if (typeof(T) == typeof(double))
            {
                var (e, tail) = ExpWithTail(x.AsDouble(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector256<double>.One + e)).As<double, T>();
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Invoke(Vector512<T> x)
        {
            if (typeof(T) == typeof(float))
            {
                var (e, tail) = ExpWithTail(x.AsSingle(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector512<float>.One + e)).As<float, T>();
            }
            if (typeof(T) == typeof(double))
            {
                var (e, tail) = ExpWithTail(x.AsDouble(), ExpRange.NonPositive);
                return (Log1p(e) + tail / (Vector512<double>.One + e)).As<double, T>();
            }
            throw Unsupported<T>();
        }
    }
}
