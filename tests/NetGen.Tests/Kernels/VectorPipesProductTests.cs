using System;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The tests that switch <see cref="VectorPipes"/> run alone, so that no other test's product changes path meanwhile.</summary>
[CollectionDefinition(nameof(VectorPipesProductTests), DisableParallelization = true)]
public sealed class VectorPipesCollection;

/// <summary>
/// The products that a core with halved 512-bit multiply-adds (Zen 4) and a core with full-width ones take differently
/// (<see cref="VectorPipes"/>), each run as either kind of core would run it, whatever core runs the tests: sixteen-row
/// tiles or blocks of eight rows by two vectors for a B beyond L2, blocks of four or eight rows below it, copies of a
/// shallow product's panels, a deep product of many rows in slices of its depth, six-row blocks over four vectors of
/// columns with the rows they leave in four-row blocks over the same vectors, and narrow columns in quads of the
/// depth. Each is checked against the plain loops of <see cref="DenseKernelTests"/>. Without 512-bit
/// vectors both settings take the same narrower paths.
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class VectorPipesProductTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Products_match_the_definition_as_either_kind_of_core_runs_them(bool halved)
    {
        AsCore(halved, () =>
        {
            // Eight-row blocks (33 rows: four blocks and a row; 44: five blocks and a four-row block) over pairs of
            // vectors and an odd vector, in place and through copies (64 floats' rows lie 256 bytes apart, 512 floats'
            // 2 KB); a B of 1 MB or more (1024 x 256 floats), in tiles or in blocks; B's stride a multiple of 2 KB; 141
            // rows over a depth of 600, in slices of the depth (two whole and one part) by seventeen eight-row blocks, a
            // four-row block and a row. On a full-width core, four-vector panels: 20 rows are four five-row blocks, 33
            // are two six-row blocks, four five-row blocks and a row, 16 are a six-row block and two five-row blocks, 9
            // are two four-row blocks and a row, 141 are 20 six-row and four five-row blocks and a row, over the whole
            // depth of 600 in a copy; 96 columns leave a two-vector panel beside it, in slices. A B beyond 1 MB for 13 or
            // 16 rows, copied a slice of 128 at a time across all its panels.
            foreach (var (batch, inSize, outSize) in new[] { (33, 70, 64), (44, 300, 80), (16, 1024, 256), (21, 1030, 512), (9, 40, 512), (141, 600, 70), (20, 50, 128), (141, 600, 96), (13, 600, 512), (16, 300, 1024) })
            {
                DenseKernelTests.CheckForward<float>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckForward<double>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
            }
            // Weight gradients: 70 and 300 rows (the inputs) over depths (the batch) up to 128, whose panels the
            // full-width core copies, a depth of 130 beyond that, and one of 520 in slices; four-vector panels over depths
            // of 100 and 128, in slices of 64.
            foreach (var (batch, inSize, outSize) in new[] { (33, 70, 64), (128, 300, 48), (130, 72, 40), (7, 100, 33), (520, 132, 40), (100, 70, 64), (128, 90, 128) })
            {
                DenseKernelTests.CheckBackwardWeights<float>(new TestData(batch * 5 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckBackwardWeights<double>(new TestData(batch * 5 + inSize), batch, inSize, outSize);
            }
        });
    }

    /// <summary>
    /// Narrow columns, fewer than a 512-bit vector of floats, which a full-width core sums from a packed copy of B's
    /// columns: 7 to 12 of them eight steps of the depth at a time in blocks of four rows (octets), others four steps at
    /// a time in blocks of eight rows (quads). Octets over depths that are a multiple of eight (256, 40, exactly 8) and
    /// that leave one to seven steps (41, 18, 99, 100, 101, 1022, 1023, and 3 alone, no whole octet), quads over depths
    /// that leave one to three steps (17, 102, 23) and over exactly 4; rows that are exactly a block (4, 8), that are not a
    /// multiple of it (5, 7, 13, 65, 67, 70), and fewer than a block of octets, 3, and of quads, 7, which take the padded
    /// path; layers 7 to 12 wide (four to six vectors of two columns) and 26 wide (one whole vector and ten columns), 3
    /// and 15 wide (quads: one block of columns, or one and a second of three columns) and 13 (one block and a second of
    /// one); and, with the spans against unreadable pages, rows whose last octet or quad would reach past A and columns
    /// whose last loads would reach past B.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Narrow_products_match_the_definition_as_either_kind_of_core_runs_them(bool halved)
    {
        AsCore(halved, () =>
        {
            foreach (var (batch, inSize, outSize) in new[] { (64, 256, 10), (65, 101, 10), (67, 17, 3), (70, 16, 15), (64, 40, 26), (8, 1022, 10), (13, 1023, 12),
                (9, 4, 13), (16, 3, 10), (7, 100, 10), (4, 8, 10), (5, 37, 7), (6, 62, 8), (7, 29, 9), (3, 50, 10), (10, 41, 11), (4, 18, 12), (6, 99, 10), (5, 102, 13), (7, 50, 13), (9, 23, 15) })
            {
                DenseKernelTests.CheckForward<float>(new TestData(batch * 7 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckForward<double>(new TestData(batch * 7 + inSize), batch, inSize, outSize);
            }
            DenseKernelTests.CheckForward<float>(new TestData(3), 65, 100, 10, atPageEnds: true);
            DenseKernelTests.CheckForward<float>(new TestData(4), 64, 33, 7, atPageEnds: true);
            DenseKernelTests.CheckForward<float>(new TestData(6), 8, 102, 13, atPageEnds: true);
            DenseKernelTests.CheckForward<float>(new TestData(7), 5, 99, 12, atPageEnds: true);
            DenseKernelTests.CheckForward<float>(new TestData(8), 6, 64, 9, atPageEnds: true);
        });
    }

    /// <summary>
    /// An infinite input in the last, partial quad of a row's depth gives infinite outputs where its weights are
    /// positive, as the definition does, not NaN: a load of that quad from A's row itself would have carried the
    /// next row's infinity into a product with a padding zero. Every other row's outputs stay finite.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_infinite_input_at_a_rows_end_stays_infinite(bool halved)
    {
        AsCore(halved, () =>
        {
            const int batch = 16, inSize = 101, outSize = 10;
            var x = new float[batch * inSize];
            var w = new float[inSize * outSize];
            var bias = new float[outSize];
            for (int k = 0; k < x.Length; k++)
                x[k] = 0.01f * (k % 13);
            for (int k = 0; k < w.Length; k++)
                w[k] = 0.5f + 0.01f * (k % 7);
            // Row 9's last input, and row 10's first (which a vector read past row 9's end would meet).
            x[9 * inSize + inSize - 1] = float.PositiveInfinity;
            x[10 * inSize] = float.PositiveInfinity;
            var z = new float[batch * outSize];

            Dense.Forward<float>(x, w, bias, z, batch, inSize, outSize);

            for (int s = 0; s < batch; s++)
                for (int o = 0; o < outSize; o++)
                {
                    float value = z[s * outSize + o];
                    if (s is 9 or 10)
                        Assert.True(float.IsPositiveInfinity(value), $"z[{s}, {o}] = {value}, expected +infinity");
                    else
                        Assert.True(float.IsFinite(value), $"z[{s}, {o}] = {value}, expected a finite sum");
                }
        });
    }

    /// <summary>
    /// A narrow product after one whose weights were all infinite matches the definition: the copies of B's columns that
    /// a full-width core makes reuse the same buffer, and the zeros past a shallower product's depth, in its last quad,
    /// must be written again, not left from the product before (an infinity there, times a padding zero of A, would
    /// make NaN).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_narrow_product_after_infinite_weights_matches_the_definition(bool halved)
    {
        AsCore(halved, () =>
        {
            var infinite = new float[256 * 10];
            Array.Fill(infinite, float.PositiveInfinity);
            Dense.Forward<float>(new float[64 * 256], infinite, new float[10], new float[64 * 10], 64, 256, 10);

            DenseKernelTests.CheckForward<float>(new TestData(5), 64, 101, 10);
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> as a core with halved (Zen 4) or full-width 512-bit multiply-adds would, then restores the
    /// core's own kind. Only from tests in this collection, which run alone.
    /// </summary>
    internal static void AsCore(bool halved, Action test)
    {
        bool saved = VectorPipes.HalvedVector512;
        VectorPipes.HalvedVector512 = halved;
        try
        {
            test();
        }
        finally
        {
            VectorPipes.HalvedVector512 = saved;
        }
    }
}
