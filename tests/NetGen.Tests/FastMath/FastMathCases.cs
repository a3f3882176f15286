using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.FastMathTests;

public enum Function { Exp, Sigmoid, Tanh }

/// <summary>Each FastMath function in each of its forms, its exact reference, and the arguments to try it on.</summary>
internal static class FastMathCases
{
    public static readonly Function[] Functions = [Function.Exp, Function.Sigmoid, Function.Tanh];

    public static readonly int[] Widths = [128, 256, 512];

    public static T Scalar<T>(Function function, T x) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float v = float.CreateTruncating(x);
            return T.CreateTruncating(function switch
            {
                Function.Exp => FastMath.Exp(v),
                Function.Sigmoid => FastMath.Sigmoid(v),
                _ => FastMath.Tanh(v),
            });
        }
        double d = double.CreateTruncating(x);
        return T.CreateTruncating(function switch
        {
            Function.Exp => FastMath.Exp(d),
            Function.Sigmoid => FastMath.Sigmoid(d),
            _ => FastMath.Tanh(d),
        });
    }

    public static void Span<T>(Function function, ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        switch (function)
        {
            case Function.Exp: FastMath.Exp(x, destination); break;
            case Function.Sigmoid: FastMath.Sigmoid(x, destination); break;
            default: FastMath.Tanh(x, destination); break;
        }
    }

    public static Exact Reference(Function function, double x) => function switch
    {
        Function.Exp => ExactMath.Exp(x),
        Function.Sigmoid => ExactMath.Sigmoid(x),
        _ => ExactMath.Tanh(x),
    };

    public static bool IsAccelerated(int width) => width switch
    {
        128 => Vector128.IsHardwareAccelerated,
        256 => Vector256.IsHardwareAccelerated,
        _ => Vector512.IsHardwareAccelerated,
    };

    /// <summary>The lane count of the widest accelerated vector, which the span forms start with (1 without SIMD).</summary>
    public static int WidestCount<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Vector512.IsHardwareAccelerated ? Vector512<T>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<T>.Count
        : Vector128.IsHardwareAccelerated ? Vector128<T>.Count
        : 1;

    /// <summary>
    /// Applies the explicit <paramref name="width"/>-bit form a vector at a time; the input's length
    /// must be a whole number of vectors.
    /// </summary>
    public static T[] Vectorized<T>(Function function, int width, T[] x) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var result = new T[x.Length];
        int count = width / 8 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (x.Length % count != 0)
            throw new ArgumentException($"{x.Length} values are not a whole number of {count}-lane vectors.", nameof(x));
        for (int k = 0; k < x.Length; k += count)
        {
            ReadOnlySpan<T> lanes = x.AsSpan(k, count);
            Span<T> output = result.AsSpan(k, count);
            if (typeof(T) == typeof(float))
                Vectorized(function, width, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(lanes), System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(output));
            else
                Vectorized(function, width, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(lanes), System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(output));
        }
        return result;
    }

    private static void Vectorized(Function function, int width, ReadOnlySpan<float> x, Span<float> destination)
    {
        switch (width)
        {
            case 128:
                var v128 = Vector128.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v128), Function.Sigmoid => FastMath.Sigmoid(v128), _ => FastMath.Tanh(v128) }).CopyTo(destination);
                break;
            case 256:
                var v256 = Vector256.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v256), Function.Sigmoid => FastMath.Sigmoid(v256), _ => FastMath.Tanh(v256) }).CopyTo(destination);
                break;
            default:
                var v512 = Vector512.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v512), Function.Sigmoid => FastMath.Sigmoid(v512), _ => FastMath.Tanh(v512) }).CopyTo(destination);
                break;
        }
    }

    private static void Vectorized(Function function, int width, ReadOnlySpan<double> x, Span<double> destination)
    {
        switch (width)
        {
            case 128:
                var v128 = Vector128.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v128), Function.Sigmoid => FastMath.Sigmoid(v128), _ => FastMath.Tanh(v128) }).CopyTo(destination);
                break;
            case 256:
                var v256 = Vector256.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v256), Function.Sigmoid => FastMath.Sigmoid(v256), _ => FastMath.Tanh(v256) }).CopyTo(destination);
                break;
            default:
                var v512 = Vector512.Create(x);
                (function switch { Function.Exp => FastMath.Exp(v512), Function.Sigmoid => FastMath.Sigmoid(v512), _ => FastMath.Tanh(v512) }).CopyTo(destination);
                break;
        }
    }

    /// <summary>
    /// Values that every form must agree on and handle: zeros, infinities, NaN, the extremes, the
    /// subnormals, and the arguments where each function overflows, underflows, saturates or
    /// switches between its two methods.
    /// </summary>
    public static T[] SpecialValues<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var values = new List<T>
        {
            T.Zero, T.NegativeZero, T.One, T.NegativeOne, T.PositiveInfinity, T.NegativeInfinity, T.NaN,
            MaxValue<T>(), -MaxValue<T>(), T.Epsilon, -T.Epsilon,
            // The smallest normal value, and the largest subnormal below it.
            T.CreateTruncating(typeof(T) == typeof(float) ? 1.1754943508222875e-38 : 2.2250738585072014e-308),
            T.CreateTruncating(typeof(T) == typeof(float) ? 1.1754942106924411e-38 : 2.225073858507201e-308),
        };
        double[] thresholds = typeof(T) == typeof(float)
            // exp overflows, turns subnormal, underflows to 0; tanh switches to its quotient and saturates; sigmoid reaches 1.
            ? [88.72283935546875, -87.33654475, -103.27892990343184, -103.97207708399179, 0.55, 9.01, 10, 17.32868]
            : [709.782712893384, -708.3964185322641, -744.4400719213812, -745.1332191019411, 0.55, 19.06, 20, 37.42995];
        foreach (double threshold in thresholds)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                T t = T.CreateTruncating(sign * threshold);
                values.Add(t);
                T below = t, above = t;
                for (int i = 0; i < 3; i++)
                {
                    below = T.BitDecrement(below);
                    above = T.BitIncrement(above);
                    values.Add(below);
                    values.Add(above);
                }
            }
        }
        return values.ToArray();
    }

    /// <summary>The largest finite value of T (not among the generic math interfaces FastMath constrains T to).</summary>
    public static T MaxValue<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(float.MaxValue) : T.CreateTruncating(double.MaxValue);

    public static string Name<T>(Function function) => $"FastMath.{function}<{typeof(T).Name}>";
}
