using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="IVectorWidth{T, TVector}.SumInEveryLane"/> at every width and element type: each lane holds the sum of
/// all lanes (against the sum in double, and exactly where the lanes are small integers), the same bits in every lane,
/// a NaN or an infinity in any lane reaching every lane.
/// </summary>
public sealed class LaneSumTests
{
    [Fact]
    public void Float_at_128_bits() => Check<float, Vector128<float>, Width128<float>>();

    [Fact]
    public void Float_at_256_bits() => Check<float, Vector256<float>, Width256<float>>();

    [Fact]
    public void Float_at_512_bits() => Check<float, Vector512<float>, Width512<float>>();

    [Fact]
    public void Double_at_128_bits() => Check<double, Vector128<double>, Width128<double>>();

    [Fact]
    public void Double_at_256_bits() => Check<double, Vector256<double>, Width256<double>>();

    [Fact]
    public void Double_at_512_bits() => Check<double, Vector512<double>, Width512<double>>();

    private static void Check<T, TVector, TWidth>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        int width = TWidth.Count;
        var random = new Random(width);
        var lanes = new T[width];
        for (int round = 0; round < 200; round++)
        {
            // Small integers add exactly in any order; the others within a rounding a step of the tree.
            bool integers = round % 2 == 0;
            double magnitude = 0, expected = 0;
            for (int k = 0; k < width; k++)
            {
                double value = integers ? random.Next(-1000, 1000) : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));
                lanes[k] = T.CreateChecked(value);
                expected += double.CreateChecked(lanes[k]);
                magnitude += Math.Abs(double.CreateChecked(lanes[k]));
            }
            TVector sums = TWidth.SumInEveryLane(TWidth.Load(ref lanes[0], 0));
            double tolerance = integers ? 0 : magnitude * Math.Log2(width) * KernelTestData.Epsilon<T>();
            T first = TWidth.GetElement(sums, 0);
            Assert.True(Math.Abs(double.CreateChecked(first) - expected) <= tolerance,
                $"{typeof(TVector).Name}, round {round}: {first} against {expected}");
            for (int k = 1; k < width; k++)
                Assert.Equal(BitsOf(first), BitsOf(TWidth.GetElement(sums, k)));
        }
        foreach (T special in (T[])[T.NaN, T.PositiveInfinity, T.NegativeInfinity])
        {
            for (int at = 0; at < width; at++)
            {
                Array.Fill(lanes, T.One);
                lanes[at] = special;
                TVector sums = TWidth.SumInEveryLane(TWidth.Load(ref lanes[0], 0));
                for (int k = 0; k < width; k++)
                    Assert.True(T.IsNaN(special) ? T.IsNaN(TWidth.GetElement(sums, k)) : TWidth.GetElement(sums, k) == special,
                        $"{typeof(TVector).Name}, {special} in lane {at}: lane {k} holds {TWidth.GetElement(sums, k)}");
            }
        }
    }

    private static ulong BitsOf<T>(T value) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? BitConverter.SingleToUInt32Bits((float)(object)value) : BitConverter.DoubleToUInt64Bits((double)(object)value);
}
