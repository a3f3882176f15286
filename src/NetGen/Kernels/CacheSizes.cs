using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The size of one core's L2, which the products' choice of path depends on (<see cref="MatrixProduct"/>): whether B's
/// panels stay in L2 beside the rows of A streaming through. Read from the processor, since cores differ (Ice Lake's
/// server cores have 1.25 MB, Zen 4 and Zen 5 cores 1 MB) and a product planned for the wrong one loses (a Zen 5 core
/// planned for 1.25 MB read the four panels of a 784 x 256 layer in turn for each block of rows where they no longer
/// stayed in its L2; the figures are with that choice, <c>grouped</c> in <see cref="MatrixProduct"/>).
/// </summary>
internal static class CacheSizes
{
    /// <summary>Where the processor does not tell: the L2 of a Zen 4 or Zen 5 core, where the products' choices were last measured.</summary>
    private const int DefaultL2Bytes = 1024 * 1024;

    // Sizes outside this range are not taken from the processor: no core of this century has less L2 than 256 KB,
    // and a value beyond 4 MB is more likely a hypervisor's report of a shared cache than one core's.
    private const int SmallestL2Kilobytes = 256, LargestL2Kilobytes = 4096;

    /// <summary>One core's L2, in bytes. Not read-only, so that the tests run the products as a core of either size would.</summary>
    internal static int L2Bytes = DetectL2Bytes();

    /// <summary>
    /// One core's L2 from ECX of CPUID leaf 0x80000006, whose bits 16-31 give it in KB on both AMD and Intel processors
    /// (AMD64 Architecture Programmer's Manual, Vol. 3, Appendix E; Intel SDM, Vol. 2A, CPUID); <see cref="DefaultL2Bytes"/>
    /// where that is outside the plausible range.
    /// </summary>
    internal static int L2BytesFromExtendedLeaf(int ecx)
    {
        int kilobytes = (int)((uint)ecx >> 16);
        return IsPlausibleL2(kilobytes) ? kilobytes * 1024 : DefaultL2Bytes;
    }

    /// <summary>Whether a reported size of one core's L2, in KB, is one to take (see the range above).</summary>
    internal static bool IsPlausibleL2(int kilobytes) => kilobytes is >= SmallestL2Kilobytes and <= LargestL2Kilobytes;

    private static int DetectL2Bytes()
    {
        if (!X86Base.IsSupported)
            return DefaultL2Bytes;
        const uint CacheLeaf = 0x80000006;
        // The highest extended leaf this processor answers is in EAX of leaf 0x80000000.
        if ((uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax < CacheLeaf)
            return DefaultL2Bytes;
        return L2BytesFromExtendedLeaf(X86Base.CpuId(unchecked((int)CacheLeaf), 0).Ecx);
    }
}
