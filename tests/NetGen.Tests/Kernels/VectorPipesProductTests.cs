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
/// shallow product's panels, and a deep product of many rows in slices of its depth. Each is checked against the plain loops of <see cref="DenseKernelTests"/>. Without 512-bit
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
        bool saved = VectorPipes.HalvedVector512;
        VectorPipes.HalvedVector512 = halved;
        try
        {
            // Eight-row blocks (33 rows: four blocks and a row; 44: five blocks and a four-row block) over pairs of
            // vectors and an odd vector, in place and through copies (64 floats' rows lie 256 bytes apart, 512 floats'
            // 2 KB); a B of 1 MB or more (1024 x 256 floats), in tiles or in blocks; B's stride a multiple of 2 KB; 141
            // rows over a depth of 600, in slices of the depth (two whole and one part) by seventeen eight-row blocks, a
            // four-row block and a row.
            foreach (var (batch, inSize, outSize) in new[] { (33, 70, 64), (44, 300, 80), (16, 1024, 256), (21, 1030, 512), (9, 40, 512), (141, 600, 70) })
            {
                DenseKernelTests.CheckForward<float>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckForward<double>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
            }
            // Weight gradients: 70 and 300 rows (the inputs) over depths (the batch) up to 128, whose panels the
            // full-width core copies, a depth of 130 beyond that, and one of 520 in slices.
            foreach (var (batch, inSize, outSize) in new[] { (33, 70, 64), (128, 300, 48), (130, 72, 40), (7, 100, 33), (520, 132, 40) })
            {
                DenseKernelTests.CheckBackwardWeights<float>(new TestData(batch * 5 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckBackwardWeights<double>(new TestData(batch * 5 + inSize), batch, inSize, outSize);
            }
        }
        finally
        {
            VectorPipes.HalvedVector512 = saved;
        }
    }
}
