using System;
using System.IO;
using System.Runtime.CompilerServices;
using NetGen.Generator.Emitting;
using Xunit;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files: compares text with Baselines/NAME. With NETGEN_UPDATE_BASELINES=1 the test
/// rewrites the baseline instead, so that baselines change only by running the generator.
/// </summary>
internal static class Baseline
{
    private const string VersionPlaceholder = "[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen\", \"<Version.props>\")]";

    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Baselines");
        string path = Path.Combine(directory, name);
        // The version comes from Version.props and changes with every release; the baselines keep the
        // code, and VersionTests check the version itself.
        actual = actual.Replace("\r\n", "\n").Replace(Emitter.GeneratedCodeAttribute, VersionPlaceholder);
        if (Environment.GetEnvironmentVariable("NETGEN_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline at {path}: run the tests with NETGEN_UPDATE_BASELINES=1 to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.txt"), actual);
            Assert.Fail($"The generated source differs from {path} (first difference at character {FirstDifference(expected, actual)}); "
                + "the output was written beside it as *.received.txt. If the change is intended, run the tests with NETGEN_UPDATE_BASELINES=1.");
        }
    }

    private static int FirstDifference(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
            if (a[i] != b[i])
                return i;
        return length;
    }
}
