using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Emitting;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Golden;

/// <summary>
/// A generated network says <c>Vector128</c> and <c>Checks</c> through using directives, and stays correct
/// when the user's scope takes one of those names: every name the file imports, declared by the user where
/// it would be found first, leaves a file that compiles cleanly.
/// </summary>
public sealed class ImportedNamesTests
{
    public static IEnumerable<object[]> Names() => ImportedNames.Namespaces.SelectMany(n => n.Names).Select(name => new object[] { name });

    public static IEnumerable<object[]> NamespacedGoldenNetworks() =>
        new[] { nameof(GoldenNetworks.TinySigmoid), nameof(GoldenNetworks.Spiral), nameof(GoldenNetworks.Mnist),
            nameof(GoldenNetworks.DeepTanh), nameof(GoldenNetworks.RegularizedDigits) }.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(NamespacedGoldenNetworks))]
    public void A_network_in_a_namespace_imports_the_names_it_uses(string network)
    {
        string text = Generate(Golden(network)).Text;

        foreach (string directive in ImportedNames.Directives)
            Assert.Contains("    " + directive + "\n", text);
        string code = string.Join("\n", text.Split('\n').Where(line => !line.TrimStart().StartsWith("using ")));
        Assert.DoesNotContain("global::System.Runtime", code);
        Assert.DoesNotContain("global::NetGen", code);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_type_of_the_users_class_named_as_an_import_leaves_a_file_that_compiles(string name)
    {
        // Names in full in the declaration too, which the nested type would otherwise take (Loss, Activation).
        (string text, GeneratorOutcome outcome) = Generate($$"""
            namespace App;

            [global::NetGen.Network(global::NetGen.Loss.CrossEntropy, L1 = 1e-5, L2 = 1e-4)]
            [global::NetGen.Input(64)]
            [global::NetGen.Dense(32, global::NetGen.Activation.ReLU, Dropout = 0.25)]
            [global::NetGen.Dense(4, global::NetGen.Activation.Tanh, Dropout = 0.1)]
            [global::NetGen.Dense(10, global::NetGen.Activation.Softmax)]
            [global::NetGen.AdamW(1e-3, AmsGrad = true)]
            public partial class Net
            {
                public sealed class {{name}} { }
            }
            """);

        AssertQualified(text, outcome);
    }

    [Theory]
    [InlineData("public sealed class Unsafe { }", "")]
    [InlineData("public sealed class Checks { }", "")]
    [InlineData("", "public static int Span => 0;")]
    [InlineData("public class Host { protected static void Vector128() { } }", ": Host")]
    public void A_name_of_the_namespace_or_of_a_base_type_leaves_a_file_that_compiles(string declaration, string member)
    {
        string partial = member.StartsWith(":") ? $"public partial class SpiralNet {member} {{ }}" : $"public partial class SpiralNet {{ {member} }}";
        (string text, GeneratorOutcome outcome) = Generate(GoldenNetworks.Spiral + "\n" + declaration + "\n" + partial + "\n");

        AssertQualified(text, outcome);
    }

    [Theory]
    [MemberData(nameof(NamespacedGoldenNetworks))]
    public void Every_golden_network_written_with_full_names_compiles(string network)
    {
        (string text, GeneratorOutcome outcome) = Generate(Golden(network) + "\npublic sealed class Unsafe { }\n");

        AssertQualified(text, outcome);
    }

    private static string Golden(string network) => (string)typeof(GoldenNetworks).GetField(network)!.GetValue(null)!;

    private static (string Text, GeneratorOutcome Outcome) Generate(string source)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        return (outcome.Files.Single().SourceText.ToString(), outcome);
    }

    private static void AssertQualified(string text, GeneratorOutcome outcome)
    {
        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.DoesNotContain("using global::", text);
        Assert.Contains("global::NetGen.Kernels.", text);
    }
}
