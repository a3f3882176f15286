using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using NetGen.Generator.Fuzz.Checking;
using NetGen.Generator.Fuzz.Sources;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Generator.Fuzz;

/// <summary>
/// The generator against random declarations, valid and malformed. CI runs a fixed slice of cases;
/// NETGEN_FUZZ_CASES runs more, NETGEN_FUZZ_SEED another slice, NETGEN_FUZZ_REPORT=1 tallies every
/// failure by kind instead of stopping at the first.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    private const long DefaultCases = 2000;
    private const ulong DefaultSeed = 11;

    /// <summary>Random cases tried after a failure to find a shorter case that fails the same way.</summary>
    private const long ShrinkIterations = 300;

    private const int Batch = 256;

    [Fact]
    public void Generator_keeps_its_promises_on_random_declarations()
    {
        long cases = Setting("NETGEN_FUZZ_CASES", DefaultCases);
        bool report = Environment.GetEnvironmentVariable("NETGEN_FUZZ_REPORT") == "1";
        var random = new PCG(1, (ulong)Setting("NETGEN_FUZZ_SEED", (long)DefaultSeed));
        var tally = new FailureTally();

        // Cases are drawn in order from one seed, so a slice is the same on every machine; each batch is
        // then checked on every core, and the first failing case in order is the one reported.
        for (long start = 0; start < cases; start += Batch)
        {
            var batch = new List<(FuzzCase Case, string Seed)>();
            for (long index = start; index < Math.Min(cases, start + Batch); index++)
            {
                ulong state = random.State;
                batch.Add((NetworkSources.Cases.Generate(random, null, out Size _), random.ToString(state)));
            }
            var failures = new IReadOnlyList<Failure>[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (index, loop) =>
            {
                failures[index] = CaseChecker.Check(batch[index].Case);
                if (!report && failures[index].Count > 0)
                    loop.Break();
            });
            for (int index = 0; index < batch.Count; index++)
            {
                if (failures[index] is not { Count: > 0 } found)
                    continue;
                if (!report)
                    Assert.Fail(Shrunk(found[0], batch[index].Seed, start + index));
                tally.Add(batch[index].Case, found);
            }
        }

        string summary = (tally.IsEmpty ? $"{cases} cases, no failure" : tally.Describe(cases)) + $"\n({CaseChecker.Totals})";
        output.WriteLine(summary);
        output.WriteLine(CaseChecker.Totals.ToString());
        Assert.True(tally.IsEmpty, summary);
    }

    [Fact]
    public void Every_scenario_is_generated()
    {
        var random = new PCG(1, DefaultSeed);
        var scenarios = Enumerable.Range(0, 500).Select(_ => NetworkSources.Cases.Generate(random, null, out Size _).Scenario).ToHashSet();

        Assert.Equal(
            ["file-local classes of one name in two files", "half-typed", "layers without [Network]", "names differing only in case",
                "one network", "several networks", "split partial class", "uses the network"],
            scenarios.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_ordinary_network_used_by_its_caller_passes_every_check()
    {
        var fuzzCase = new FuzzCase("uses the network",
            ["using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(3)]\n[Dense(4, Activation.Tanh)]\n[Dense(1, Activation.Identity)]\npublic partial class Net;\n"],
            ["public static class Use { public static int Run() => new Net(seed: 1).Parameters.Length + Net.InputSize; }\n"]);

        Assert.Empty(CaseChecker.Check(fuzzCase));
    }

    [Fact]
    public void A_generated_member_that_the_output_lacks_is_caught()
    {
        // The usage file needs a member no network has, so the output cannot compile: the check must see it.
        var fuzzCase = new FuzzCase("uses the network",
            ["using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(3)]\n[Dense(1, Activation.Identity)]\npublic partial class Net;\n"],
            ["public static class Use { public static int Run() => Net.NoSuchMember; }\n"]);

        Failure failure = Assert.Single(CaseChecker.Check(fuzzCase));
        Assert.Equal("clean input, output has error CS0117", failure.Kind);
    }

    /// <summary>
    /// The failure's kind and detail, and the shortest case CsCheck finds from the failing case's seed that
    /// fails the same way, with that seed to replay it.
    /// </summary>
    private static string Shrunk(Failure first, string seed, long index)
    {
        string shrunk;
        try
        {
            NetworkSources.Cases.Sample(fuzzCase =>
            {
                Failure? same = CaseChecker.Check(fuzzCase).FirstOrDefault(f => f.Kind == first.Kind);
                if (same is not null)
                    throw new InvalidOperationException($"{same.Kind}: {same.Detail}");
            }, seed: seed, iter: ShrinkIterations, threads: 1, print: fuzzCase => fuzzCase.ToString());
            shrunk = "(CsCheck did not reproduce the failure from its seed)";
        }
        catch (Exception exception) when (exception is not InvalidOperationException)
        {
            shrunk = exception.Message + (exception.InnerException is { } inner ? "\n" + inner.Message : "");
        }
        return $"Case {index} failed: {first.Kind}\n{first.Detail}\n\nShrunk by CsCheck:\n{shrunk}";
    }

    private static long Setting(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : fallback;
}
