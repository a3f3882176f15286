using System;
using System.Linq;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Quantization;

/// <summary>
/// The kernels of quantized inference against plain loops over every length from 1 to three vectors and beyond.
/// CI also runs them with 256-bit, 128-bit and no SIMD (DOTNET_EnableAVX512=0, DOTNET_EnableAVX=0,
/// DOTNET_EnableHWIntrinsic=0), so each width's path meets the same references.
/// </summary>
public sealed class QuantizationKernelTests
{
    public static TheoryData<int> Lengths() => new(QuantizationReference.Lengths());

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Rows_quantize_to_the_levels_of_their_definition(int length)
    {
        foreach ((float low, float high, int seed) in new[] { (-1f, 1f, 1), (0f, 3f, 2), (-5f, -0.5f, 3), (-1e-3f, 40f, 4) })
        {
            float[] row = QuantizationReference.Uniform(length, low, high, seed + length);
            var levels = new byte[length + 70];
            levels.AsSpan().Fill(0xAA);

            float step = ActivationQuantizer.Quantize(row, levels, out int zeroPoint);

            (byte[] expected, float expectedStep, int expectedZero) = QuantizationReference.QuantizeRow(row);
            Assert.Equal(expected, levels.Take(length));
            Assert.All(levels.Skip(length), level => Assert.Equal(0, level));
            Assert.Equal(expectedStep, step);
            Assert.Equal(expectedZero, zeroPoint);
            // Each value lies within half a step of its level, and the scheme's zero is exact.
            for (int i = 0; i < length; i++)
                Assert.InRange(Math.Abs((levels[i] - zeroPoint) * (double)step - row[i]), 0, 0.5001 * step);
        }
    }

    [Fact]
    public void A_row_of_zeros_has_level_zero_and_a_row_with_NaN_a_NaN_step()
    {
        var levels = new byte[64];
        Assert.Equal(1f, ActivationQuantizer.Quantize(new float[40], levels, out int zero));
        Assert.Equal(0, zero);
        Assert.All(levels, level => Assert.Equal(0, level));

        float[] row = QuantizationReference.Uniform(40, -1, 1, 5);
        row[17] = float.NaN;
        Assert.True(float.IsNaN(ActivationQuantizer.Quantize(row, levels, out _)));
        row[17] = float.PositiveInfinity;
        Assert.True(float.IsNaN(ActivationQuantizer.Quantize(row, levels, out _)));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 8)]
    [InlineData(3, 12)]
    [InlineData(13, 4)]
    [InlineData(16, 20)]
    public void Integer_products_equal_plain_sums(int vectors, int rows)
    {
        int stride = vectors * Int8Products.RowAlignment;
        var random = new Random(vectors * 31 + rows);
        byte[] x = Enumerable.Range(0, stride).Select(_ => (byte)random.Next(0, 128)).ToArray();
        sbyte[] w = Enumerable.Range(0, rows * stride).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        var sums = new int[rows];

        Int8Products.Multiply(x, w, stride, sums);

        for (int o = 0; o < rows; o++)
            Assert.Equal(Enumerable.Range(0, stride).Sum(i => x[i] * w[o * stride + i]), sums[o]);
    }

    /// <summary>Two neighbouring products of 127·(−128) are −32,512: the 16-bit pairs hold them without saturating.</summary>
    [Fact]
    public void Integer_products_do_not_saturate_at_the_extremes()
    {
        const int stride = 2 * Int8Products.RowAlignment;
        byte[] x = Enumerable.Repeat((byte)127, stride).ToArray();
        sbyte[] w = new sbyte[4 * stride];
        w.AsSpan(0, stride).Fill(-128);
        w.AsSpan(stride, stride).Fill(127);
        for (int i = 0; i < stride; i++)
            w[2 * stride + i] = (sbyte)(i % 2 == 0 ? 127 : -128);
        var sums = new int[4];

        Int8Products.Multiply(x, w, stride, sums);

        Assert.Equal([127 * -128 * stride, 127 * 127 * stride, 127 * (127 - 128) * stride / 2, 0], sums);
    }

    [Fact]
    public void Integer_products_reject_a_stride_of_part_vectors()
    {
        Assert.Throws<ArgumentException>(() => Int8Products.Multiply(new byte[100], new sbyte[400], 100, new int[4]));
        Assert.Throws<ArgumentException>(() => Int8Products.Multiply(new byte[64], new sbyte[64 * 3], 64, new int[3]));
    }

    [Fact]
    public void BFloat16_rounds_to_the_nearest_ties_to_even()
    {
        var random = new Random(7);
        for (int n = 0; n < 200_000; n++)
        {
            float value = BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32));
            if (!float.IsFinite(value) || Math.Abs(value) > 3.38e38f)
                continue;
            Assert.Equal(QuantizationReference.NearestBFloat16(value), BFloat16Format.ToSingle(BFloat16Format.FromSingle(value)));
        }
        // Ties: 1 + 2^-8 lies halfway between 1 and 1 + 2^-7 and goes to 1, whose last kept bit is even.
        Assert.Equal(1f, BFloat16Format.ToSingle(BFloat16Format.FromSingle(1f + 1f / 256)));
        Assert.Equal(1f + 2f / 128, BFloat16Format.ToSingle(BFloat16Format.FromSingle(1f + 3f / 256)));
        Assert.Equal(float.PositiveInfinity, BFloat16Format.ToSingle(BFloat16Format.FromSingle(float.MaxValue)));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Packed_products_equal_sums_of_the_decoded_weights(int inputs)
    {
        int lanes = PackedProducts.Lanes;
        int pairStride = (inputs + 2 * lanes - 1) / (2 * lanes) * lanes;
        const int rows = 8;
        float[] x = new float[2 * pairStride];
        QuantizationReference.Uniform(inputs, -2, 2, inputs).CopyTo(x, 0);
        float[] w = QuantizationReference.Uniform(rows * inputs, -1, 1, inputs + 1);
        var pairs = new uint[rows * pairStride];
        for (int o = 0; o < rows; o++)
            for (int i = 0; i < inputs; i++)
            {
                (int pair, bool high) = PackedProducts.Place(i, lanes);
                ushort bits = BFloat16Format.FromSingle(w[o * inputs + i]);
                pairs[o * pairStride + pair] |= high ? (uint)bits << 16 : bits;
            }
        var sums = new float[rows];

        PackedProducts.Multiply<BFloat16Format>(x, pairs, pairStride, sums);

        for (int o = 0; o < rows; o++)
        {
            double expected = 0, magnitude = 0;
            for (int i = 0; i < inputs; i++)
            {
                double term = (double)QuantizationReference.NearestBFloat16(w[o * inputs + i]) * x[i];
                (expected, magnitude) = (expected + term, magnitude + Math.Abs(term));
            }
            // Float sums of n terms: within n·2^-24 of the sum of magnitudes.
            Assert.InRange(Math.Abs(sums[o] - expected), 0, inputs * 6e-8 * magnitude + 1e-30);
        }
    }

    [Fact]
    public void Each_weight_has_its_own_place_in_the_packed_pairs()
    {
        foreach (int lanes in new[] { 4, 8, 16 })
        {
            var places = Enumerable.Range(0, 6 * lanes).Select(i => PackedProducts.Place(i, lanes)).ToArray();
            Assert.Equal(places.Length, places.Distinct().Count());
            Assert.All(places, place => Assert.InRange(place.Pair, 0, 3 * lanes - 1));
            // Within a block the low halves hold the first lanes weights in order.
            Assert.Equal((1, false), PackedProducts.Place(1, lanes));
            Assert.Equal((0, true), PackedProducts.Place(lanes, lanes));
            Assert.Equal((lanes, false), PackedProducts.Place(2 * lanes, lanes));
        }
    }
}
