using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// A batch of rows that each fit one vector: rows are read a vector at a time across their neighbours and
/// written back in groups, and the last rows go through a copy. Every batch size around the group of 32 and
/// every short size, against softmax in double, with no value outside the rows touched.
/// </summary>
public sealed class ShortRowSoftmaxTests
{
    public static TheoryData<int> Sizes() => new(1, 2, 3, 4, 5, 7, 8, 9, 10, 15, 16);

    [Theory, MemberData(nameof(Sizes))]
    public void Float_rows_match_softmax_in_double(int size) => Check<float>(size);

    [Theory, MemberData(nameof(Sizes))]
    public void Double_rows_match_softmax_in_double(int size) => Check<double>(size);

    public static TheoryData<int> WideSizes() => new(9, 10, 11, 12, 13, 14, 15, 16);

    /// <summary>
    /// A batch's rows, however many are taken at a time, are each the bits of that row's softmax alone (a batch of one),
    /// as <see cref="Activations.Softmax{T}"/> computes a short row whatever the batch: rows in groups of 16 with the groups
    /// and rows after them, a group holding a row whose sum overflows, and one holding a row of equal values.
    /// </summary>
    [Theory, MemberData(nameof(WideSizes))]
    public void Float_rows_of_a_batch_are_the_bits_of_each_row_alone(int size)
    {
        var random = new Random(100 + size);
        foreach (int batch in new[] { 16, 17, 31, 48, 53 })
        {
            float[] values = new float[batch * size];
            for (int k = 0; k < values.Length; k++)
                values[k] = (float)(16 * (random.NextDouble() - 0.5));
            if (batch > 32)
            {
                // Row 20: a later value more than exp's range above the first; row 37: equal values.
                (values[20 * size], values[20 * size + size - 1]) = (-60f, 100f);
                Array.Fill(values, 3f, 37 * size, size);
            }
            float[] batched = (float[])values.Clone();

            Activations.Softmax<float>(batched, batch, size);

            for (int s = 0; s < batch; s++)
            {
                float[] alone = values.AsSpan(s * size, size).ToArray();
                Activations.Softmax<float>(alone, 1, size);
                for (int j = 0; j < size; j++)
                    Assert.True(BitConverter.SingleToInt32Bits(batched[s * size + j]) == BitConverter.SingleToInt32Bits(alone[j]),
                        $"batch {batch}, size {size}, row {s}, value {j}: {batched[s * size + j]:R} in the batch against {alone[j]:R} alone");
            }
        }
    }

    private static void Check<T>(int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(size);
        foreach (int batch in new[] { 1, 2, 3, 31, 32, 33, 64, 65, 97 })
        {
            var z = new double[batch * size];
            for (int k = 0; k < z.Length; k++)
                z[k] = 8 * (random.NextDouble() - 0.5);
            // One row whose later value lies more than exp's range above its first, and one of equal values.
            if (size > 1 && batch > 2)
            {
                (z[size], z[size + 1]) = (-60.0, 100.0);
                Array.Fill(z, 3.0, 2 * size, size);
            }
            T[] values = Array.ConvertAll(z, T.CreateChecked);
            var buffer = new GuardedBuffer<T>(values.Length).CopyFrom(values);

            Activations.Softmax(buffer.Span, batch, size);

            buffer.AssertGuardsIntact($"softmax of {batch} rows of {size}");
            double[] expected = ActivationKernelTests.Softmax(Array.ConvertAll(values, v => double.CreateChecked(v)), batch, size);
            double[] actual = buffer.ToDouble();
            // Relative to each value: its shift by up to 160 moves it by that many units in the last place.
            double tolerance = 400 * KernelTestData.Epsilon<T>();
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(actual[k] - expected[k]) <= tolerance * (expected[k] + 1e-30) + 1e-300,
                    $"{typeof(T).Name} batch {batch}, size {size}, value {k}: {actual[k]} against {expected[k]}");
        }
    }
}
