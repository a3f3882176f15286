using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace NetGen.Benchmarks.Baselines.PyTorch;

/// <summary>
/// PyTorch's W1, W5 and W6 in a Python process of their own (benchmarks/peers/pytorch_turns.py, started through
/// peers/run.sh so that it runs at its best: raised malloc thresholds, one BLAS thread, OpenBLAS's own kernel),
/// timed one turn at a time when asked. This process waits while Python runs its turn, so the two take turns on a
/// core as NetGen's own contenders do.
/// </summary>
public sealed class PyTorchTurns : IDisposable
{
    private readonly Process _python;

    /// <summary>What Python said when its models were built ("ready torch 1.13.0").</summary>
    public string Version { get; }

    private PyTorchTurns(Process python, string version) => (_python, Version) = (python, version);

    /// <summary>
    /// Starts the Python side and waits until its models are built; null, with the reason, where it cannot run
    /// (the peers' script not found, python3-torch not installed).
    /// </summary>
    public static PyTorchTurns? Start(out string reason)
    {
        string? runner = FindRunner();
        if (runner is null)
        {
            reason = "benchmarks/peers/run.sh not found above the working directory or the benchmark's binaries";
            return null;
        }
        var start = new ProcessStartInfo("bash", [runner, "pytorch_turns.py"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process python;
        try
        {
            python = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception failure) when (failure is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            reason = $"bash could not start {runner}: {failure.Message}";
            return null;
        }
        string? first = python.StandardOutput.ReadLine();
        if (first is null || !first.StartsWith("ready", StringComparison.Ordinal))
        {
            python.WaitForExit(10_000);
            string errors = python.StandardError.ReadToEnd().Trim();
            python.Dispose();
            reason = $"pytorch_turns.py did not start ({LastLine(errors)}); install the peers with apt-get install python3-torch python3-numpy libopenblas0-pthread";
            return null;
        }
        // Python's warnings after this point would fill the pipe unread and stall it: read them as they come.
        python.ErrorDataReceived += (_, _) => { };
        python.BeginErrorReadLine();
        reason = "";
        return new PyTorchTurns(python, first["ready ".Length..]);
    }

    /// <summary>The mean time of one call of <paramref name="workload"/>'s step over a turn of <paramref name="turn"/>, after ten calls to warm up.</summary>
    public double MicrosecondsPerCall(string workload, TimeSpan turn)
    {
        _python.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload} {turn.TotalSeconds}"));
        _python.StandardInput.Flush();
        string answer = _python.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"pytorch_turns.py exited during {workload}'s turn.");
        if (!double.TryParse(answer, NumberStyles.Float, CultureInfo.InvariantCulture, out double microseconds))
            throw new InvalidOperationException($"pytorch_turns.py answered {workload}'s turn with \"{answer}\".");
        return microseconds;
    }

    public void Dispose()
    {
        _python.StandardInput.Close();
        if (!_python.WaitForExit(10_000))
            _python.Kill();
        _python.Dispose();
    }

    /// <summary>peers/run.sh in the repository that holds the working directory or this program's binaries.</summary>
    private static string? FindRunner()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string runner = Path.Combine(directory.FullName, "benchmarks", "peers", "run.sh");
                if (File.Exists(runner))
                    return runner;
            }
        }
        return null;
    }

    private static string LastLine(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : lines[^1];
    }
}
