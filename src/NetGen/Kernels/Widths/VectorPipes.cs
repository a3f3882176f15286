using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// How this core runs 512-bit multiply-adds, which decides the matrix product's register blocks and tiles
/// (<see cref="MatrixProduct"/>): at full width, two a cycle from two pipes (Intel's AVX-512 server cores, AMD
/// from Zen 5), or split into two 256-bit halves, one a cycle (AMD Zen 4). A full-width core needs twice the
/// independent sums in flight and runs short of load ports where a tile broadcasts one value of A per
/// multiply-add: on an Ice Lake core, the sixteen-row tiles ran a 1024-1024 layer at 28-30% of the FMA peak where
/// blocks of eight rows by two vectors, reading B from cache-line-aligned copies, ran it at 54-59%.
/// </summary>
internal static class VectorPipes
{
    /// <summary>
    /// True when 512-bit vectors are accelerated and each multiply-add runs as two 256-bit halves (AMD family 19h, Zen 4).
    /// Not read-only, so that the tests run both kinds of core's products on either.
    /// </summary>
    internal static bool HalvedVector512 = Vector512.IsHardwareAccelerated && IsAmdFamily19h();

    /// <summary>True when 512-bit vectors are accelerated and each multiply-add runs at full width.</summary>
    internal static bool FullWidthVector512 => Vector512.IsHardwareAccelerated && !HalvedVector512;

    private static bool IsAmdFamily19h()
    {
        if (!X86Base.IsSupported)
            return false;
        // "AuthenticAMD" in EBX, EDX, ECX of leaf 0; the family in leaf 1's EAX: the base family (bits 8-11), plus the
        // extended family (bits 20-27) where the base is 0xF.
        (_, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        if (ebx != 0x68747541 || edx != 0x69746E65 || ecx != 0x444D4163)
            return false;
        int eax = X86Base.CpuId(1, 0).Eax;
        int family = (eax >> 8) & 0xF;
        if (family == 0xF)
            family += (eax >> 20) & 0xFF;
        // Family 19h is Zen 3 and Zen 4; of them only Zen 4 has AVX-512, checked by the caller.
        return family == 0x19;
    }
}
