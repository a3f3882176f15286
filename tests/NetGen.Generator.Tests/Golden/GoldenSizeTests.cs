using System.Linq;
using System.Text;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Golden;

/// <summary>
/// The generated file reads like code written by hand with constants: bounded in size whatever the
/// declaration's depth, one statement a line, every line under 150 characters.
/// </summary>
public sealed class GoldenSizeTests
{
    public static TheoryData<string> Networks() =>
    [
        nameof(GoldenNetworks.TinySigmoid),
        nameof(GoldenNetworks.Spiral),
        nameof(GoldenNetworks.Mnist),
        nameof(GoldenNetworks.DeepTanh),
        nameof(GoldenNetworks.NestedRmsProp),
        nameof(GoldenNetworks.RegularizedDigits),
    ];

    private static string Generate(string network) =>
        GeneratorHarness.Run(GoldenNetworks.Source(network)).Files.Single().SourceText.ToString();

    [Theory]
    [MemberData(nameof(Networks))]
    public void No_golden_file_is_over_150_KB(string network)
    {
        int bytes = Encoding.UTF8.GetByteCount(Generate(network));

        Assert.True(bytes <= 150 * 1024, $"{network}: {bytes} bytes");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_line_is_under_150_characters(string network)
    {
        string[] lines = Generate(network).Split('\n').Where(line => line.Length >= 150).ToArray();

        Assert.Empty(lines);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_line_holds_one_statement_at_most(string network)
    {
        // A semicolon with code after it, outside a comment, a for loop's header and a property's accessors (declarations,
        // not statements), starts a second statement.
        string[] lines = Generate(network).Split('\n')
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith("//") && !line.StartsWith("for (") && !line.Contains("{ get => ") && !line.Contains("{ get; }"))
            .Select(line => line.Contains(" // ") ? line.Substring(0, line.IndexOf(" // ")) : line)
            .Where(line => line.IndexOf(';') is int semicolon && semicolon >= 0 && semicolon < line.TrimEnd().Length - 1)
            .ToArray();

        Assert.Empty(lines);
    }

    [Theory]
    [InlineData(64, 24)]
    [InlineData(8, 40)]
    [InlineData(7, 40)]
    public void A_deep_declaration_stays_within_a_few_hundred_KB_and_compiles_cleanly(int width, int layers)
    {
        // Every layer within the unroll and register limits; only the totals bound what is written out.
        string source = "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(" + width + ")]\n"
            + string.Concat(Enumerable.Repeat("[Dense(" + width + ", Activation.Tanh)]\n", layers))
            + "[Dense(2, Activation.Identity)]\npublic partial class DeepNet;\n";

        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        int bytes = Encoding.UTF8.GetByteCount(outcome.Files.Single().SourceText.ToString());
        Assert.True(bytes <= 300 * 1024, $"{width} wide, {layers} layers: {bytes} bytes");
    }
}
