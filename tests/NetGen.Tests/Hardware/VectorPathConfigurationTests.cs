using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace NetGen.Tests.Hardware;

/// <summary>
/// CI runs these tests four times: as the machine is, with DOTNET_EnableHWIntrinsic=0 (scalar code
/// only), with DOTNET_EnableAVX=0 (128-bit vectors only) and with DOTNET_EnableAVX512=0 (256-bit vectors
/// at most). This checks that each setting really
/// reached the runtime, so that every path the kernels can take is the one under test.
/// </summary>
public sealed class VectorPathConfigurationTests
{
    [Fact]
    public void The_requested_vector_widths_are_the_ones_in_use()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(Vector128.IsHardwareAccelerated);
            Assert.False(Vector256.IsHardwareAccelerated);
            Assert.False(Vector512.IsHardwareAccelerated);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX") == "0")
        {
            Assert.True(Vector128.IsHardwareAccelerated);
            Assert.False(Vector256.IsHardwareAccelerated);
            Assert.False(Vector512.IsHardwareAccelerated);
        }
        else if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.True(Vector128.IsHardwareAccelerated);
        }
        else
        {
            // Every x64 and Arm64 machine .NET 10 runs on has 128-bit SIMD.
            Assert.True(Vector128.IsHardwareAccelerated);
        }
    }
}
