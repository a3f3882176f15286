using System;
using System.Collections.Generic;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.FastMathTests;

public enum Function { Exp, Sigmoid, Tanh, ExpM1, Log1p, Log1pExp }

/// <summary>Each FastMath function in each of its forms, its exact reference, and the arguments to try it on.</summary>
internal static class FastMathCases
{
    public static readonly Function[] Functions =
        [Function.Exp, Function.Sigmoid, Function.Tanh, Function.ExpM1, Function.Log1p, Function.Log1pExp];

    /// <summary>
    /// The bound each function's documentation states, in ulps of float and of double alike: under 1
    /// (faithfully rounded) for Exp, Sigmoid, Tanh, Log1p and Log1pExp (0.81 and 0.83 measured for
    /// Log1p in float and double, 0.81 and 0.78 for Log1pExp); 1.3 for ExpM1, whose polynomial's
    /// roundings count up to four times over just above ln 2 / 2, where e^x − 1 has a quarter of e^x's
    /// ulp (1.02 measured in float, 1.24 in double).
    /// </summary>
    public static double MaxUlps(Function function) => function == Function.ExpM1 ? 1.3 : 1.0;

    /// <summary>
    /// Whether <paramref name="x"/> is in the domain the function is stated for: 0 ≤ x ≤ 1 for Log1p
    /// (softplus's e^−|x|), x ≤ 0 for Log1pExp (softplus's −|x|), everything for the others; NaN is in
    /// every domain.
    /// </summary>
    public static bool InDomain(Function function, double x) => double.IsNaN(x) || function switch
    {
        Function.Log1p => x >= 0 && x <= 1,
        Function.Log1pExp => x <= 0,
        _ => true,
    };

    /// <summary>An ordinary argument moved into the function's domain: its fractional part for Log1p, −|v| for Log1pExp.</summary>
    public static T IntoDomain<T>(Function function, double v) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(function switch
        {
            Function.Log1p => Math.Abs(v) % 1.0,
            Function.Log1pExp => -Math.Abs(v),
            _ => v,
        });

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
                Function.Tanh => FastMath.Tanh(v),
                Function.ExpM1 => FastMath.ExpM1(v),
                Function.Log1p => FastMath.Log1p(v),
                _ => FastMath.Log1pExp(v),
            });
        }
        double d = double.CreateTruncating(x);
        return T.CreateTruncating(function switch
        {
            Function.Exp => FastMath.Exp(d),
            Function.Sigmoid => FastMath.Sigmoid(d),
            Function.Tanh => FastMath.Tanh(d),
            Function.ExpM1 => FastMath.ExpM1(d),
            Function.Log1p => FastMath.Log1p(d),
            _ => FastMath.Log1pExp(d),
        });
    }

    public static void Span<T>(Function function, ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        switch (function)
        {
            case Function.Exp: FastMath.Exp(x, destination); break;
            case Function.Sigmoid: FastMath.Sigmoid(x, destination); break;
            case Function.Tanh: FastMath.Tanh(x, destination); break;
            case Function.ExpM1: FastMath.ExpM1(x, destination); break;
            case Function.Log1p: FastMath.Log1p(x, destination); break;
            default: FastMath.Log1pExp(x, destination); break;
        }
    }

    public static Exact Reference(Function function, double x) => function switch
    {
        Function.Exp => ExactMath.Exp(x),
        Function.Sigmoid => ExactMath.Sigmoid(x),
        Function.Tanh => ExactMath.Tanh(x),
        Function.ExpM1 => ExactMath.ExpM1(x),
        Function.Log1p => double.IsNaN(x) ? double.NaN : ExactMath.Log1p(x),
        _ => ExactMath.Log1pExp(x),
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
            switch (width)
            {
                case 128: Invoke(function, Vector128.Create(lanes)).CopyTo(output); break;
                case 256: Invoke(function, Vector256.Create(lanes)).CopyTo(output); break;
                default: Invoke(function, Vector512.Create(lanes)).CopyTo(output); break;
            }
        }
        return result;
    }

    /// <summary>
    /// The FastMath overload named after <paramref name="function"/> that takes <typeparamref name="TVector"/>
    /// (Vector128&lt;float&gt;, Vector512&lt;double&gt;, …), found by its name and parameter type.
    /// </summary>
    private static TVector Invoke<TVector>(Function function, TVector x) where TVector : struct
    {
        MethodInfo method = typeof(FastMath).GetMethod(function.ToString(), [typeof(TVector)])
            ?? throw new MissingMethodException(nameof(FastMath), $"{function}({typeof(TVector).Name})");
        return (TVector)method.Invoke(null, [x])!;
    }

    /// <summary>
    /// Values that every form must agree on and handle: zeros, infinities, NaN, the extremes, the
    /// subnormals, and the arguments where each function overflows, underflows, saturates or
    /// switches between its two methods; those in <paramref name="function"/>'s domain.
    /// </summary>
    public static T[] SpecialValues<T>(Function function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
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
            // exp overflows, turns subnormal, underflows to 0; tanh switches to its quotient and saturates; sigmoid reaches 1;
            // ExpM1 leaves its k = 0 form at ln 2 / 2; Log1p halves 1 + x above √2 − 1.
            ? [88.72283935546875, -87.33654475, -103.27892990343184, -103.97207708399179, 0.55, 9.01, 10, 17.32868, 0.34657359, 0.41421357]
            : [709.782712893384, -708.3964185322641, -744.4400719213812, -745.1332191019411, 0.55, 19.06, 20, 37.42995, 0.34657359027997264, 0.41421356237309503];
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
        return values.FindAll(x => InDomain(function, double.CreateTruncating(x))).ToArray();
    }

    /// <summary>The largest finite value of T (not among the generic math interfaces FastMath constrains T to).</summary>
    public static T MaxValue<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(float.MaxValue) : T.CreateTruncating(double.MaxValue);

    public static string Name<T>(Function function) => $"FastMath.{function}<{typeof(T).Name}>";
}
