using System;
using System.IO;
using Xunit;

namespace NetGen.Data.Tests.Support;

/// <summary>
/// A test that reads Debian's Fashion-MNIST (package <c>dataset-fashion-mnist</c>). Where the package is
/// absent it is skipped, with the install command as the reason, so that the test command passes on a
/// machine with only the .NET SDK; where <c>NETGEN_REQUIRE_DATASETS=1</c> (as in CI, which installs the
/// package) it always runs, and fails loudly if the files are missing. The IDX reader itself is covered
/// everywhere by files the tests write.
/// </summary>
public sealed class InstalledFashionMnistFactAttribute : FactAttribute
{
    public const string Directory = "/usr/share/datasets/fashion-mnist";

    public InstalledFashionMnistFactAttribute()
    {
        if (!System.IO.Directory.Exists(Directory) && Environment.GetEnvironmentVariable("NETGEN_REQUIRE_DATASETS") != "1")
            Skip = $"Fashion-MNIST is not installed in {Directory}: install it with 'sudo apt-get install dataset-fashion-mnist'.";
    }
}
