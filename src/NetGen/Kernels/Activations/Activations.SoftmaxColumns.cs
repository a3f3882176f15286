using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

public static partial class Activations
{
    /// <summary>Rows that <see cref="SoftmaxColumns"/> takes at a time: a 512-bit vector holds one value of each.</summary>
    private const int ColumnRows = 16;

    /// <summary>
    /// Whether float rows of <paramref name="size"/> values take <see cref="SoftmaxColumns"/>: rows of 9 to 16, for each of
    /// which the one-row softmax spends an exponential, a sum and a division of a whole 512-bit vector.
    /// </summary>
    private static bool TakesSoftmaxColumns<T>(int batch, int size) =>
        typeof(T) == typeof(float) && Avx512F.IsSupported && size > Vector256<float>.Count && size <= Vector512<float>.Count
        && batch >= ColumnRows;

    /// <summary>
    /// The softmax of each row of a batch of float rows of 9 to 16 values, 16 rows at a time: transposed so that each vector
    /// holds one column of the 16 rows, each exponential, sum and division then serves 16 rows instead of one. The bits are
    /// those of the one-row softmax (<see cref="SoftmaxOne{T, TVector, TWidth}"/>) row by row: the same shift by each row's
    /// first value, the same exponential of each value, the row's sum added in the order of its tree of lanes
    /// (<see cref="Width512{T}.SumInEveryLane"/>), and the same division. Where a row's sum is not finite, its 16 rows go
    /// through the one-row softmax, which then shifts that row by its maximum. Returns the rows done, a multiple of 16.
    /// </summary>
    /// <remarks>
    /// On a Zen 5 core, 256 rows of 10 took 1.72-1.79 us against 2.24-2.91 one row a vector, 64 rows 0.46-0.56 against
    /// 0.61-0.85 (medians of 20 turns of each in turns, three processes); a 64-64-10 network's Forward at batch 256 0.5-1.0 us
    /// less, 256-256-10's 0.3-1.1 us. Without its exponentials it took 1.19 us of 2.07 in one process: the transposes,
    /// loads and stores are the larger part.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    private static unsafe int SoftmaxColumns(Span<float> values, int batch, int size)
    {
        int groups = batch / ColumnRows;
        Vector512<float> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(size)).AsSingle();
        Vector512<float>* columns = stackalloc Vector512<float>[ColumnRows];
        fixed (float* start = values)
        {
            for (int g = 0; g < groups; g++)
            {
                float* rows = start + g * ColumnRows * size;
                // Each row's lanes past its values are read as zeros and never stored, so no row reaches past the span. The rows
                // go to the transpose as arguments, in registers: loaded into the buffer in a loop and transposed there, 256 rows
                // of 10 took 2.16-2.24 us against 1.95-2.17 (alternating processes).
                Transpose16(
                    Avx512F.MaskLoad(rows, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 2 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 3 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 4 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 5 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 6 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 7 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 8 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 9 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 10 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 11 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 12 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 13 * size, lanes, Vector512<float>.Zero),
                    Avx512F.MaskLoad(rows + 14 * size, lanes, Vector512<float>.Zero), Avx512F.MaskLoad(rows + 15 * size, lanes, Vector512<float>.Zero),
                    columns);
                // Each row shifted by its first value, column 0; the columns past the rows are the zero lanes the one-row
                // softmax adds into its sum.
                Vector512<float> shift = columns[0];
                for (int j = 0; j < size; j++)
                    columns[j] = Width512<float>.Apply<FastMath.ExpOperator<float>>(columns[j] - shift);
                for (int j = size; j < ColumnRows; j++)
                    columns[j] = Vector512<float>.Zero;
                // SumInEveryLane's tree: lanes eight apart, then four, two and one.
                Vector512<float> a0 = columns[0] + columns[8], a1 = columns[1] + columns[9], a2 = columns[2] + columns[10], a3 = columns[3] + columns[11];
                Vector512<float> a4 = columns[4] + columns[12], a5 = columns[5] + columns[13], a6 = columns[6] + columns[14], a7 = columns[7] + columns[15];
                Vector512<float> total = ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7));
                if (!Vector512.EqualsAll(total - total, Vector512<float>.Zero))
                {
                    // A sum that overflowed, or a NaN: these rows as one row's softmax computes them.
                    SoftmaxRows<float, Vector512<float>, Width512<float>>(values.Slice(g * ColumnRows * size, ColumnRows * size), ColumnRows, size);
                    continue;
                }
                for (int j = 0; j < size; j++)
                    columns[j] /= total;
                Transpose16(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6], columns[7],
                    columns[8], columns[9], columns[10], columns[11], columns[12], columns[13], columns[14], columns[15], columns);
                for (int r = 0; r < ColumnRows; r++)
                    Avx512F.MaskStore(rows + r * size, lanes, columns[r]);
            }
        }
        return groups * ColumnRows;
    }

    /// <summary>
    /// The 16 by 16 floats of <paramref name="r0"/> to <paramref name="r15"/> transposed into <paramref name="transposed"/>:
    /// lane r of vector j is lane j of row r. Pairs of rows interleaved, then pairs of pairs, within 128-bit lanes; then
    /// 128-bit lanes exchanged between vectors four rows apart and between those eight apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Transpose16(Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
        Vector512<float> r4, Vector512<float> r5, Vector512<float> r6, Vector512<float> r7, Vector512<float> r8, Vector512<float> r9,
        Vector512<float> r10, Vector512<float> r11, Vector512<float> r12, Vector512<float> r13, Vector512<float> r14, Vector512<float> r15,
        Vector512<float>* transposed)
    {
        // Within each 128-bit lane k: u0 holds value 4k of rows 0-3, u1 value 4k + 1, u2 value 4k + 2, u3 value 4k + 3.
        (Vector512<float> u0, Vector512<float> u1, Vector512<float> u2, Vector512<float> u3) = FourRows(r0, r1, r2, r3);
        (Vector512<float> u4, Vector512<float> u5, Vector512<float> u6, Vector512<float> u7) = FourRows(r4, r5, r6, r7);
        (Vector512<float> u8, Vector512<float> u9, Vector512<float> u10, Vector512<float> u11) = FourRows(r8, r9, r10, r11);
        (Vector512<float> u12, Vector512<float> u13, Vector512<float> u14, Vector512<float> u15) = FourRows(r12, r13, r14, r15);
        // Value e (0-3) of 128-bit lanes 0 and 2 of rows 0-3 and 4-7 (v0-v3), of lanes 1 and 3 (v4-v7); rows 8-15 likewise.
        Vector512<float> v0 = Avx512F.Shuffle4x128(u0, u4, 0b10_00_10_00), v4 = Avx512F.Shuffle4x128(u0, u4, 0b11_01_11_01);
        Vector512<float> v1 = Avx512F.Shuffle4x128(u1, u5, 0b10_00_10_00), v5 = Avx512F.Shuffle4x128(u1, u5, 0b11_01_11_01);
        Vector512<float> v2 = Avx512F.Shuffle4x128(u2, u6, 0b10_00_10_00), v6 = Avx512F.Shuffle4x128(u2, u6, 0b11_01_11_01);
        Vector512<float> v3 = Avx512F.Shuffle4x128(u3, u7, 0b10_00_10_00), v7 = Avx512F.Shuffle4x128(u3, u7, 0b11_01_11_01);
        Vector512<float> v8 = Avx512F.Shuffle4x128(u8, u12, 0b10_00_10_00), v12 = Avx512F.Shuffle4x128(u8, u12, 0b11_01_11_01);
        Vector512<float> v9 = Avx512F.Shuffle4x128(u9, u13, 0b10_00_10_00), v13 = Avx512F.Shuffle4x128(u9, u13, 0b11_01_11_01);
        Vector512<float> v10 = Avx512F.Shuffle4x128(u10, u14, 0b10_00_10_00), v14 = Avx512F.Shuffle4x128(u10, u14, 0b11_01_11_01);
        Vector512<float> v11 = Avx512F.Shuffle4x128(u11, u15, 0b10_00_10_00), v15 = Avx512F.Shuffle4x128(u11, u15, 0b11_01_11_01);
        transposed[0] = Avx512F.Shuffle4x128(v0, v8, 0b10_00_10_00);
        transposed[8] = Avx512F.Shuffle4x128(v0, v8, 0b11_01_11_01);
        transposed[1] = Avx512F.Shuffle4x128(v1, v9, 0b10_00_10_00);
        transposed[9] = Avx512F.Shuffle4x128(v1, v9, 0b11_01_11_01);
        transposed[2] = Avx512F.Shuffle4x128(v2, v10, 0b10_00_10_00);
        transposed[10] = Avx512F.Shuffle4x128(v2, v10, 0b11_01_11_01);
        transposed[3] = Avx512F.Shuffle4x128(v3, v11, 0b10_00_10_00);
        transposed[11] = Avx512F.Shuffle4x128(v3, v11, 0b11_01_11_01);
        transposed[4] = Avx512F.Shuffle4x128(v4, v12, 0b10_00_10_00);
        transposed[12] = Avx512F.Shuffle4x128(v4, v12, 0b11_01_11_01);
        transposed[5] = Avx512F.Shuffle4x128(v5, v13, 0b10_00_10_00);
        transposed[13] = Avx512F.Shuffle4x128(v5, v13, 0b11_01_11_01);
        transposed[6] = Avx512F.Shuffle4x128(v6, v14, 0b10_00_10_00);
        transposed[14] = Avx512F.Shuffle4x128(v6, v14, 0b11_01_11_01);
        transposed[7] = Avx512F.Shuffle4x128(v7, v15, 0b10_00_10_00);
        transposed[15] = Avx512F.Shuffle4x128(v7, v15, 0b11_01_11_01);
    }

    /// <summary>Four rows interleaved within each 128-bit lane k: the four rows' values 4k, 4k + 1, 4k + 2 and 4k + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float>, Vector512<float>, Vector512<float>, Vector512<float>) FourRows(Vector512<float> r0, Vector512<float> r1,
        Vector512<float> r2, Vector512<float> r3)
    {
        Vector512<float> low01 = Avx512F.UnpackLow(r0, r1), high01 = Avx512F.UnpackHigh(r0, r1);
        Vector512<float> low23 = Avx512F.UnpackLow(r2, r3), high23 = Avx512F.UnpackHigh(r2, r3);
        return (Avx512F.Shuffle(low01, low23, 0b01_00_01_00), Avx512F.Shuffle(low01, low23, 0b11_10_11_10),
            Avx512F.Shuffle(high01, high23, 0b01_00_01_00), Avx512F.Shuffle(high01, high23, 0b11_10_11_10));
    }
}
