using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class FastMath
{
    /// <summary><see cref="StandardNormal(float, float)"/> and <see cref="StandardNormal(double, double)"/> for float or double, at every width.</summary>
    internal readonly struct StandardNormalOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (T ScaledCdf, T Density) Invoke(T x, T scale)
        {
            if (typeof(T) == typeof(float))
            {
                var (scaledCdf, density) = StandardNormal(Unsafe.BitCast<T, float>(x), Unsafe.BitCast<T, float>(scale));
                return (Unsafe.BitCast<float, T>(scaledCdf), Unsafe.BitCast<float, T>(density));
            }
            if (typeof(T) == typeof(double))
            {
                var (scaledCdf, density) = StandardNormal(Unsafe.BitCast<T, double>(x), Unsafe.BitCast<T, double>(scale));
                return (Unsafe.BitCast<double, T>(scaledCdf), Unsafe.BitCast<double, T>(density));
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector128<T> ScaledCdf, Vector128<T> Density) Invoke(Vector128<T> x, Vector128<T> scale)
        {
            if (typeof(T) == typeof(float))
            {
                var (scaledCdf, density) = StandardNormal(x.AsSingle(), scale.AsSingle());
                return (scaledCdf.As<float, T>(), density.As<float, T>());
            }
            if (typeof(T) == typeof(double))
            {
                var (scaledCdf, density) = StandardNormal(x.AsDouble(), scale.AsDouble());
                return (scaledCdf.As<double, T>(), density.As<double, T>());
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector256<T> ScaledCdf, Vector256<T> Density) Invoke(Vector256<T> x, Vector256<T> scale)
        {
            if (typeof(T) == typeof(float))
            {
                var (scaledCdf, density) = StandardNormal(x.AsSingle(), scale.AsSingle());
                return (scaledCdf.As<float, T>(), density.As<float, T>());
            }
            if (typeof(T) == typeof(double))
            {
                var (scaledCdf, density) = StandardNormal(x.AsDouble(), scale.AsDouble());
                return (scaledCdf.As<double, T>(), density.As<double, T>());
            }
            throw Unsupported<T>();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<T> ScaledCdf, Vector512<T> Density) Invoke(Vector512<T> x, Vector512<T> scale)
        {
            if (typeof(T) == typeof(float))
            {
                var (scaledCdf, density) = StandardNormal(x.AsSingle(), scale.AsSingle());
                return (scaledCdf.As<float, T>(), density.As<float, T>());
            }
            if (typeof(T) == typeof(double))
            {
                var (scaledCdf, density) = StandardNormal(x.AsDouble(), scale.AsDouble());
                return (scaledCdf.As<double, T>(), density.As<double, T>());
            }
            throw Unsupported<T>();
        }
    }
}
