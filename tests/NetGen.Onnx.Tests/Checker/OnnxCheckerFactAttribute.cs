using System;
using System.IO;
using Xunit;

namespace NetGen.Onnx.Tests.Checker;

/// <summary>
/// A test that runs ONNX's own checker from Debian's <c>python3-onnx</c> under the system Python. Where the package
/// is absent it is skipped, with the install command as the reason; where <c>NETGEN_REQUIRE_DATASETS=1</c> (as in CI,
/// which installs the optional Debian packages) it always runs, and fails loudly if the checker is missing.
/// </summary>
public sealed class OnnxCheckerFactAttribute : FactAttribute
{
    /// <summary>Debian's Python, which sees Debian's Python packages (a python3 first on PATH may not).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Where python3-onnx installs the package.</summary>
    public const string Package = "/usr/lib/python3/dist-packages/onnx/__init__.py";

    public OnnxCheckerFactAttribute()
    {
        if (!(File.Exists(Python) && File.Exists(Package)) && Environment.GetEnvironmentVariable("NETGEN_REQUIRE_DATASETS") != "1")
            Skip = $"ONNX's checker is not installed ({Package}): install it with 'sudo apt-get install python3-onnx'.";
    }
}
