using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NetGen.Onnx.Tests.Networks;
using Xunit;

namespace NetGen.Onnx.Tests.Checker;

/// <summary>Every exported network, and every float one quantized, passes ONNX's checker, with its full check (which also infers every value's type and shape).</summary>
public sealed class OnnxCheckerTests
{
    // One Python process for all files; it prints "ok <path>" per file that passes and stops at the first that does not.
    private const string Script =
        "import sys, onnx\n"
        + "for path in sys.argv[1:]:\n"
        + "    onnx.checker.check_model(onnx.load(path), full_check=True)\n"
        + "    print('ok', path)\n";

    [OnnxCheckerFact]
    public void EveryExportedNetworkPassesTheOnnxChecker()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"netgen-onnx-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>();
            foreach (Type type in ExportedNetworks.Types<float>())
            {
                INetwork<float> network = ExportedNetworks.Create<float>(type.Name);
                paths.Add(Export(folder, type.Name, network.ExportOnnx));
                paths.Add(Export(folder, type.Name + ".quantized", network.ExportQuantizedOnnx));
            }
            foreach (Type type in ExportedNetworks.Types<double>())
                paths.Add(Export(folder, type.Name, ExportedNetworks.Create<double>(type.Name).ExportOnnx));

            (int exitCode, string output, string errors) = RunPython(paths);

            Assert.True(exitCode == 0, $"The checker failed (exit {exitCode}):\n{errors}\n{output}");
            Assert.Equal(paths.Select(p => $"ok {p}"), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Export(string folder, string name, Action<string> export)
    {
        string path = Path.Combine(folder, name + ".onnx");
        export(path);
        return path;
    }

    private static (int ExitCode, string Output, string Errors) RunPython(IEnumerable<string> paths)
    {
        var start = new ProcessStartInfo(OnnxCheckerFactAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (string path in paths)
            start.ArgumentList.Add(path);
        using Process python = Process.Start(start)!;
        var errors = python.StandardError.ReadToEndAsync();
        string output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        return (python.ExitCode, output, errors.Result);
    }
}
