using System.IO;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// <see cref="CacheSizes"/>: the L2 read from CPUID leaf 0x80000006 as the AMD and Intel manuals lay out its ECX (the size
/// in KB in bits 16-31, the associativity in bits 12-15, the line size in bits 0-7), and the products planned for either
/// size of L2 the products' choices were measured at, 1 MB (Zen 4, Zen 5) and 1.25 MB (Ice Lake), against the definition.
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class CacheSizesTests
{
    [Theory]
    [InlineData(0x04006140, 1024 * 1024)] // A Zen 5 core's: 1024 KB, associativity field 6, 64-byte lines.
    [InlineData(0x05008040, 1280 * 1024)] // An Ice Lake server core: 1280 KB, 64-byte lines.
    [InlineData(0x02006140, 512 * 1024)]
    [InlineData(0x08006140, 2048 * 1024)]
    [InlineData(0x01000040, 256 * 1024)]
    [InlineData(0x10000040, 4096 * 1024)]
    public void The_L2_size_is_bits_16_to_31_of_the_cache_leaf_in_KB(int ecx, int expectedBytes) =>
        Assert.Equal(expectedBytes, CacheSizes.L2BytesFromExtendedLeaf(ecx));

    [Theory]
    [InlineData(0)] // A processor or hypervisor that does not report it.
    [InlineData(0x00806140)] // 128 KB: less than any core of this century has.
    [InlineData(0x10010040)] // 4097 KB: more likely a shared cache than one core's.
    [InlineData(unchecked((int)0xFFFF0000))]
    public void An_implausible_L2_size_falls_back_to_1_MB(int ecx) =>
        Assert.Equal(1024 * 1024, CacheSizes.L2BytesFromExtendedLeaf(ecx));

    /// <summary>
    /// This machine's L2 is plausible and, where Linux describes its caches and gives a plausible size for its level-2
    /// cache, that size.
    /// </summary>
    [Fact]
    public void This_machine_s_L2_is_plausible_and_the_size_Linux_reports()
    {
        Assert.InRange(CacheSizes.L2Bytes, 256 * 1024, 4096 * 1024);
        for (int index = 0; index < 8; index++)
        {
            string folder = $"/sys/devices/system/cpu/cpu0/cache/index{index}";
            if (!File.Exists(Path.Combine(folder, "level")) || File.ReadAllText(Path.Combine(folder, "level")).Trim() != "2")
                continue;
            // "1024K"
            int kilobytes = int.Parse(File.ReadAllText(Path.Combine(folder, "size")).Trim().TrimEnd('K'));
            if (CacheSizes.IsPlausibleL2(kilobytes))
                Assert.Equal(kilobytes * 1024, CacheSizes.L2Bytes);
        }
    }

    /// <summary>
    /// Products whose path depends on L2's size, planned for 1 MB and for 1.25 MB: 784 x 256 (800 KB) and 700 x 256 of
    /// 60 and 131 rows, whose four panels each block of rows reads in turn within 1.25 MB's two thirds and one at a time
    /// beyond 1 MB's; 784 x 384 (1.2 MB), whose panels 131 rows read in place within 1.25 MB and packed beyond 1 MB; and
    /// 600 x 1152 for 16 rows, whose slices of 128 rows (590 KB) are read in place within half of 1.25 MB and copied
    /// beyond half of 1 MB.
    /// </summary>
    [Theory]
    [InlineData(1024 * 1024)]
    [InlineData(1280 * 1024)]
    public void Products_match_the_definition_as_planned_for_either_size_of_L2(int l2Bytes)
    {
        int saved = CacheSizes.L2Bytes;
        CacheSizes.L2Bytes = l2Bytes;
        try
        {
            foreach (var (batch, inSize, outSize) in new[] { (60, 784, 256), (131, 784, 256), (131, 700, 256), (131, 784, 384), (16, 600, 1152) })
            {
                DenseKernelTests.CheckForward<float>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
                DenseKernelTests.CheckForward<double>(new TestData(batch * 3 + inSize), batch, inSize, outSize);
            }
        }
        finally
        {
            CacheSizes.L2Bytes = saved;
        }
    }
}
