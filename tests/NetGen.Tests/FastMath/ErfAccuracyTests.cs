using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.FastMathTests;

/// <summary>
/// The bounds FastMath.Erf and FastMath.Erfc state, in float and in double, against erf and erfc computed
/// in double-double (ExactMath): dense sweeps of [−6, 6] for erf, out to where erfc underflows for erfc,
/// and tiny arguments on a logarithmic scale; every width lane for lane equal to the scalar form.
/// </summary>
public class ErfAccuracyTests(ITestOutputHelper output)
{
    // The bounds the documentation of Erf and Erfc states, in ulps of float and of double.
    private const double FloatErfBound = 1.5, DoubleErfBound = 1.5, FloatErfcBound = 3, DoubleErfcBound = 3;

    [Fact]
    public void Float_erf_is_within_its_stated_bound() => CheckErf<float>(FloatErfBound, decades: 45);

    [Fact]
    public void Double_erf_is_within_its_stated_bound() => CheckErf<double>(DoubleErfBound, decades: 300);

    [Fact]
    public void Float_erfc_is_within_its_stated_bound() => CheckErfc<float>(FloatErfcBound, limit: 10.5);

    [Fact]
    public void Double_erfc_is_within_its_stated_bound() => CheckErfc<double>(DoubleErfcBound, limit: 27.5);

    [Fact]
    public void Float_special_values_and_every_width_on_them() => CheckSpecialValues<float>();

    [Fact]
    public void Double_special_values_and_every_width_on_them() => CheckSpecialValues<double>();

    private void CheckErf<T>(double bound, int decades) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Check<T>("Erf", FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf,
            Sweep<T>(-6, 6, 96_000), ErfReference, bound, "[−6, 6]");
        // Where erf x ≈ 2x/√π, from the subnormals up; also the span form, which runs the widest vectors first.
        var tiny = new List<T>();
        for (int k = 0; k < decades * 50; k++)
        {
            T value = T.CreateTruncating(Math.Pow(10, -decades + k / 50.0));
            tiny.Add(value);
            tiny.Add(-value);
        }
        T[] x = Whole<T>(tiny);
        Check<T>("Erf", FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf, FastMath.Erf,
            x, ErfReference, bound, $"±10^[−{decades}, 0]");
        var spanned = new T[x.Length];
        FastMath.Erf<T>(x, spanned);
        for (int k = 0; k < x.Length; k++)
            Assert.Equal(Scalar<T>(FastMath.Erf, FastMath.Erf, x[k]), spanned[k]);
    }

    private void CheckErfc<T>(double bound, double limit) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Check<T>("Erfc", FastMath.Erfc, FastMath.Erfc, FastMath.Erfc, FastMath.Erfc, FastMath.Erfc, FastMath.Erfc, FastMath.Erfc, FastMath.Erfc,
            Sweep<T>(-6, limit, 96_000), ErfcReference, bound, $"[−6, {limit}]");

    private static Exact ErfReference(double x)
    {
        DoubleDouble erf = ExactMath.Erf(Math.Abs(x));
        return x < 0 ? -erf : erf;
    }

    private static Exact ErfcReference(double x)
    {
        if (x >= 0)
            return ExactMath.Erfc(x);
        return 1.0 + ExactMath.Erf(-x);
    }

    private void Check<T>(string name,
        Func<float, float> single, Func<Vector128<float>, Vector128<float>> single128, Func<Vector256<float>, Vector256<float>> single256, Func<Vector512<float>, Vector512<float>> single512,
        Func<double, double> @double, Func<Vector128<double>, Vector128<double>> double128, Func<Vector256<double>, Vector256<double>> double256, Func<Vector512<double>, Vector512<double>> double512,
        T[] x, Func<double, Exact> reference, double bound, string sweep) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double worst = 0, worstAt = 0;
        var values = new T[x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            values[k] = Scalar(single, @double, x[k]);
            double error = Ulp.Error(values[k], reference(double.CreateTruncating(x[k])));
            if (error > worst)
                (worst, worstAt) = (error, double.CreateTruncating(x[k]));
        }
        // Every width, lane for lane the scalar form.
        if (typeof(T) == typeof(float))
            CheckWidths(Array.ConvertAll(x, float.CreateTruncating), Array.ConvertAll(values, float.CreateTruncating), single128, single256, single512);
        else
            CheckWidths(Array.ConvertAll(x, double.CreateTruncating), Array.ConvertAll(values, double.CreateTruncating), double128, double256, double512);
        output.WriteLine($"{name} in {typeof(T).Name} over {sweep}: at most {worst:F3} ulp (at {worstAt:R})");
        Assert.True(worst <= bound, $"{name} in {typeof(T).Name} over {sweep}: {worst} ulp at {worstAt:R}, above the stated {bound}");
    }

    private static void CheckWidths<TValue>(TValue[] x, TValue[] expected, Func<Vector128<TValue>, Vector128<TValue>> f128,
        Func<Vector256<TValue>, Vector256<TValue>> f256, Func<Vector512<TValue>, Vector512<TValue>> f512)
    {
        var (w128, w256, w512) = (new TValue[x.Length], new TValue[x.Length], new TValue[x.Length]);
        for (int k = 0; k < x.Length; k += Vector128<TValue>.Count)
            f128(Vector128.Create<TValue>(x.AsSpan(k))).CopyTo(w128.AsSpan(k));
        for (int k = 0; k < x.Length; k += Vector256<TValue>.Count)
            f256(Vector256.Create<TValue>(x.AsSpan(k))).CopyTo(w256.AsSpan(k));
        for (int k = 0; k < x.Length; k += Vector512<TValue>.Count)
            f512(Vector512.Create<TValue>(x.AsSpan(k))).CopyTo(w512.AsSpan(k));
        Assert.Equal(expected, w128);
        Assert.Equal(expected, w256);
        Assert.Equal(expected, w512);
    }

    private static void CheckSpecialValues<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // FastMath's special values, and around Erf's and Erfc's switches (0.47, 0.75) and limits (10.5, 27.5, and
        // the standard normal's 15 and 39): every width lane for lane the scalar form.
        var special = new List<T>(FastMathCases.SpecialValues<T>(Function.Exp)); // Exp's domain, like Erf's, is every value
        foreach (double edge in new[] { 0.47, 0.75, 10.5, 15, 27.5, 39 })
        {
            foreach (T e in new[] { T.CreateTruncating(edge), T.CreateTruncating(-edge) })
                special.AddRange([T.BitDecrement(e), e, T.BitIncrement(e)]);
        }
        T[] values = Whole(special);
        if (typeof(T) == typeof(float))
        {
            float[] x = Array.ConvertAll(values, float.CreateTruncating);
            CheckWidths(x, Array.ConvertAll(x, FastMath.Erf), FastMath.Erf, FastMath.Erf, FastMath.Erf);
            CheckWidths(x, Array.ConvertAll(x, FastMath.Erfc), FastMath.Erfc, FastMath.Erfc, FastMath.Erfc);
        }
        else
        {
            double[] x = Array.ConvertAll(values, double.CreateTruncating);
            CheckWidths(x, Array.ConvertAll(x, FastMath.Erf), FastMath.Erf, FastMath.Erf, FastMath.Erf);
            CheckWidths(x, Array.ConvertAll(x, FastMath.Erfc), FastMath.Erfc, FastMath.Erfc, FastMath.Erfc);
        }

        T Erf(T x) => Scalar<T>(FastMath.Erf, FastMath.Erf, x);
        T Erfc(T x) => Scalar<T>(FastMath.Erfc, FastMath.Erfc, x);
        Assert.Equal(T.Zero, Erf(T.Zero));
        Assert.True(T.IsNegative(Erf(T.NegativeZero)));
        Assert.Equal(T.One, Erf(T.PositiveInfinity));
        Assert.Equal(T.NegativeOne, Erf(T.NegativeInfinity));
        Assert.True(T.IsNaN(Erf(T.NaN)));
        Assert.Equal(T.One, Erfc(T.Zero));
        Assert.Equal(T.Zero, Erfc(T.PositiveInfinity));
        Assert.Equal(T.One + T.One, Erfc(T.NegativeInfinity));
        Assert.True(T.IsNaN(Erfc(T.NaN)));
    }

    private static T Scalar<T>(Func<float, float> single, Func<double, double> @double, T x) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(single(float.CreateTruncating(x))) : T.CreateTruncating(@double(double.CreateTruncating(x)));

    private static T[] Sweep<T>(double low, double high, int count) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var x = new List<T>();
        for (int k = 0; k < count; k++)
            x.Add(T.CreateTruncating(low + (high - low) * k / (count - 1)));
        return Whole(x);
    }

    // Pads to a whole number of the widest vectors (64 bytes) with zeros.
    private static T[] Whole<T>(List<T> x) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        while (x.Count % lanes != 0)
            x.Add(T.Zero);
        return x.ToArray();
    }
}
