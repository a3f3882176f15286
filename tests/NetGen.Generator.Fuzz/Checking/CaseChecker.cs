using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Fuzz.Sources;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Fuzz.Checking;

/// <summary>
/// Runs the generator on one case in memory and checks what it promises whatever the input: it does not throw,
/// its diagnostics point into the user's source and name enum members rather than numbers, a clean input gives
/// output without errors or warnings, and the generator takes at most <see cref="Budget"/> on a case.
/// </summary>
internal static partial class CaseChecker
{
    /// <summary>A correctness budget against work that grows with a declared size, not a speed benchmark.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    // One compilation holding the references only: each case adds its trees to it, so the references'
    // metadata is read once for the whole run.
    private static readonly CSharpCompilation References = GeneratorHarness.CreateCompilation();

    // "Activation.6", "(Activation)6" or "6 is not a Activation": a number where a member's name belongs.
    [GeneratedRegex(@"\b(Activation|Loss|Init|Precision)\.-?\d|-?\d+ is not an? (Activation|Loss|Init|Precision)\b|\((Activation|Loss|Init|Precision)\)-?\d")]
    private static partial Regex RawEnumNumber();

    // The first case in a process pays for loading and jitting Roslyn, which is not the generator's time.
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        Run(new FuzzCase("warm-up",
            ["using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Sigmoid)]\npublic partial class WarmUp;\n"], []));
        return true;
    });

    /// <summary>Time spent in all cases so far, for the report: parsing and generating, then compiling.</summary>
    public static readonly TimeTotals Totals = new();

    public static IReadOnlyList<Failure> Check(FuzzCase fuzzCase) => WarmedUp.Value ? Run(fuzzCase) : [];

    private static IReadOnlyList<Failure> Run(FuzzCase fuzzCase)
    {
        var failures = new List<Failure>();
        Stopwatch clock = Stopwatch.StartNew();

        SyntaxTree[] userTrees = fuzzCase.Files.Select((text, index) => Parse(text, $"User{index}.cs")).ToArray();
        SyntaxTree[] usageTrees = fuzzCase.UsageFiles.Select((text, index) => Parse(text, $"Usage{index}.cs")).ToArray();
        CSharpCompilation input = References.AddSyntaxTrees(userTrees);
        CSharpCompilation whole = input.AddSyntaxTrees(usageTrees);

        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(whole, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        TimeSpan generating = clock.Elapsed;

        if (result.Exception is not null)
            failures.Add(new Failure("generator threw " + result.Exception.GetType().Name, result.Exception.ToString()));
        foreach (Diagnostic crash in driverDiagnostics.Where(d => d.Id == "CS8785"))
            failures.Add(new Failure("CS8785 generator failed", crash.GetMessage()));

        var userPaths = userTrees.Select(t => t.FilePath).ToHashSet();
        foreach (Diagnostic diagnostic in result.Diagnostics.Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal)))
        {
            string message = diagnostic.GetMessage();
            if (diagnostic.Id == "NG0013")
                failures.Add(new Failure("NG0013 could not generate", message));
            // Locations travel through the incremental pipeline as a path and a span (a Location holds the
            // syntax tree, which must not be cached), so they come back as file locations in the user's files.
            FileLinePositionSpan where = diagnostic.Location.GetLineSpan();
            if (diagnostic.Location.Kind == LocationKind.None || !userPaths.Contains(where.Path) || diagnostic.Location.SourceSpan.IsEmpty)
                failures.Add(new Failure($"NG location is {diagnostic.Location.Kind}, not in the user's source", $"{diagnostic.Id} at {where}: {message}"));
            if (RawEnumNumber().IsMatch(message))
                failures.Add(new Failure("NG message shows an enum member as a number", $"{diagnostic.Id}: {message}"));
        }

        bool reportedError = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("NG", StringComparison.Ordinal));
        if (!reportedError)
            failures.AddRange(CheckOutputCompiles(input, output));

        clock.Stop();
        // The budget is the generator's: compiling the output afterwards is the test's own work, and the
        // first compilation in a process also pays for Roslyn's warm-up.
        if (generating > Budget)
            failures.Add(new Failure($"slower than {Budget.TotalSeconds:0} s",
                $"took {clock.Elapsed.TotalMilliseconds:0} ms, {generating.TotalMilliseconds:0} ms of it parsing and generating"));
        Totals.Add(generating, clock.Elapsed - generating);
        return failures;
    }

    /// <summary>
    /// When the user's files compile on their own without an error, everything compiled with the generated
    /// files must have no error, and no warning that the user's files did not already have.
    /// </summary>
    private static IEnumerable<Failure> CheckOutputCompiles(CSharpCompilation input, Compilation output)
    {
        ImmutableArray<Diagnostic> before = GeneratorHarness.BuildDiagnostics(input);
        if (before.Any(d => d.Severity == DiagnosticSeverity.Error))
            yield break;
        var known = before.Select(d => d.ToString()).ToHashSet();
        var problems = GeneratorHarness.BuildDiagnostics(output)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !known.Contains(d.ToString()))
            .ToList();
        if (problems.Count == 0)
            yield break;
        string severity = problems.Any(d => d.Severity == DiagnosticSeverity.Error) ? "error" : "warning";
        string ids = string.Join(" ", problems.Where(d => severity == "warning" || d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().Order());
        yield return new Failure($"clean input, output has {severity} {ids}", string.Join("\n", problems.Take(8).Select(d => d.ToString())));
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: path);
}

internal sealed class TimeTotals
{
    private long _generatingTicks, _compilingTicks;

    public void Add(TimeSpan generating, TimeSpan compiling)
    {
        System.Threading.Interlocked.Add(ref _generatingTicks, generating.Ticks);
        System.Threading.Interlocked.Add(ref _compilingTicks, compiling.Ticks);
    }

    public override string ToString() =>
        $"{TimeSpan.FromTicks(_generatingTicks).TotalSeconds:0.0} s parsing and generating, {TimeSpan.FromTicks(_compilingTicks).TotalSeconds:0.0} s compiling";
}
