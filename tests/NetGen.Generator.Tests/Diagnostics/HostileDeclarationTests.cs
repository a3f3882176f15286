using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Declarations that broke the generator or its output before: sizes that overflow, names that collide,
/// declarations it silently mishandled, and errors that cascaded into the user's code.
/// </summary>
public sealed class HostileDeclarationTests
{
    private static void AssertOnly(GeneratorOutcome outcome, params string[] ids)
    {
        Assert.Null(outcome.Result.Exception);
        Assert.Equal(ids.OrderBy(i => i), outcome.CompilationProblems.Select(d => d.Id).Distinct().OrderBy(i => i));
        // Locations travel through the pipeline as path and span, so they come back as file locations.
        Assert.All(outcome.GeneratorDiagnostics, d => Assert.True(d.Location.Kind != LocationKind.None && d.Location.GetLineSpan().Path.Length > 0,
            $"{d.Id} has no location: {d.GetMessage()}"));
    }

    private static string TextAt(GeneratorOutcome outcome, Diagnostic diagnostic) =>
        outcome.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path).GetText().ToString(diagnostic.Location.SourceSpan);

    private static void AssertCompilesCleanly(GeneratorOutcome outcome)
    {
        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("[Input(4)] [Dense(1 << 30, Activation.ReLU)] [Dense(1, Activation.Identity)]", "Dense(1 << 30, Activation.ReLU)", "5368709120 weights and biases")]
    [InlineData("[Input(7)] [Dense(2000000000, Activation.Sigmoid)] [Dense(3, Activation.Identity)]", "Dense(2000000000, Activation.Sigmoid)", "16000000000 weights and biases")]
    [InlineData("[Input(5)] [Dense(858993473, Activation.Tanh)]", "Dense(858993473, Activation.Tanh)", "5153960838 weights and biases")]
    [InlineData("[Input(int.MaxValue)] [Dense(int.MaxValue, Activation.Tanh)]", "Dense(int.MaxValue, Activation.Tanh)", "up to layer 1")]
    public void NG0016_sizes_whose_parameters_outgrow_an_array(string layers, string locatedText, string hint)
    {
        // (in + 1) · out in 64 bits: 5 · 2^30, 8 · 2·10^9, 6 · 858993473.
        GeneratorOutcome outcome = GeneratorHarness.Run($$"""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            {{layers}}
            public partial class Net;
            public static class Use { public static int Size() => Net.InputSize; }
            """);
        AssertOnly(outcome, "NG0016");
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(locatedText, TextAt(outcome, diagnostic));
        Assert.Contains(hint, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Input(1)] [Dense((int)1e9, Activation.Softmax)]", "CrossEntropy")]
    [InlineData("[Input(4)] [Dense(1 << 28, Activation.ReLU)] [Dense(1, Activation.Identity)]", "MeanSquaredError")]
    public void Networks_near_the_largest_that_fit_compile(string layers, string loss) =>
        // Rows of a chunk of such a layer would not fit in an array, so it never splits a batch.
        AssertCompilesCleanly(GeneratorHarness.Run($$"""
            using NetGen;
            [Network(Loss.{{loss}}, Precision = Precision.Double)]
            {{layers}}
            public partial class Net;
            """));

    [Fact]
    public void A_class_without_a_name_yet_gets_no_diagnostic_of_ours()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(13)]
            public partial class struct Net { }
            """);
        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void NG0017_file_local_class()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            file partial class Net;
            """);
        AssertOnly(outcome, "NG0017");
        Assert.Empty(outcome.Files);
    }

    [Theory]
    [InlineData("public partial record Net;", "NG0021")]
    [InlineData("public partial record class Net;", "NG0021")]
    [InlineData("public abstract partial class Net;", "NG0022")]
    public void NG0021_NG0022_records_and_abstract_classes(string declaration, string id)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run($"""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            {declaration}
            """);
        AssertOnly(outcome, id);
        Assert.Equal("Net", TextAt(outcome, Assert.Single(outcome.GeneratorDiagnostics)));
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void NG0018_primary_constructor()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net(string name) { public string Name => name; }
            """);
        AssertOnly(outcome, "NG0018");
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("(string name)", TextAt(outcome, diagnostic));
    }

    [Theory]
    [InlineData("public void Forward(System.ReadOnlySpan<float> input, System.Span<float> output) { }", "Forward(ReadOnlySpan<float>, Span<float>)")]
    [InlineData("public int InputSize => 3;", "'InputSize'")]
    [InlineData("public double LearningRate;", "'LearningRate'")]
    [InlineData("public Net Clone() => this;", "Clone()")]
    public void NG0019_a_member_that_clashes_with_the_public_contract(string member, string hint)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run($$"""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net
            {
                {{member}}
            }
            """);
        AssertOnly(outcome, "NG0019");
        Assert.Contains(hint, Assert.Single(outcome.GeneratorDiagnostics).GetMessage());
    }

    [Fact]
    public void NG0019_an_inherited_member_that_the_contract_would_hide()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            public class Base { public int Predict(System.ReadOnlySpan<float> input) => 0; }
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net : Base;
            """);
        AssertOnly(outcome, "NG0019");
        Assert.Contains("inherited from 'Base'", Assert.Single(outcome.GeneratorDiagnostics).GetMessage());
    }

    [Fact]
    public void Overloads_of_the_public_members_live_beside_them()
    {
        AssertCompilesCleanly(GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net
            {
                public float Forward(float x, float y) { System.Span<float> o = stackalloc float[1]; Forward([x, y], o); return o[0]; }
            }
            """));
    }

    [Fact]
    public void NG0020_layers_on_a_class_without_network()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Identity)]
            public partial class Net;
            [Dense(1, Activation.Identity)]
            public partial class NoInput;
            """);
        AssertOnly(outcome, "NG0020");
        Assert.Equal(["Input(2)", "Dense(1, Activation.Identity)"],
            outcome.GeneratorDiagnostics.Select(d => TextAt(outcome, d)));
    }

    [Theory]
    [InlineData("[Sgd(1e39)]", "LearningRate is 1E+39")]
    [InlineData("[Sgd(0.1, Momentum = 1e308)]", "Momentum is 1E+308")]
    [InlineData("[Adam(1e-3, WeightDecay = 3.5e38)]", "WeightDecay is 3.5E+38")]
    public void NG0012_a_setting_beyond_float_in_a_float_network(string optimizer, string hint)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run($"""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            {optimizer}
            public partial class Net;
            """);
        AssertOnly(outcome, "NG0012");
        Assert.Contains(hint, Assert.Single(outcome.GeneratorDiagnostics).GetMessage());
    }

    [Fact]
    public void A_setting_beyond_float_is_fine_in_a_double_network() =>
        AssertCompilesCleanly(GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError, Precision = Precision.Double)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            [Sgd(0.1, Momentum = 1e300)]
            public partial class Net;
            """));

    [Fact]
    public void An_error_does_not_cascade_into_the_code_that_uses_the_network()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.CrossEntropy)]
            [Input(4)]
            [Dense(0, Activation.ReLU)]
            [Dense(3, Activation.Softmax)]
            public partial class Net;
            public static class Use
            {
                public static float Run()
                {
                    var net = new Net(seed: 1);
                    float[] output = new float[Net.OutputSize];
                    net.Forward(new float[Net.InputSize], output);
                    Trainer.Fit(net, Datasets.Xor<float>());
                    return net.TrainStep(new float[8], new int[2]) + net.LearningRate;
                }
            }
            """);
        AssertOnly(outcome, "NG0004");
    }

    [Fact]
    public void Names_that_differ_only_in_case_get_a_file_each()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net;
            [Network(Loss.MeanSquaredError)]
            [Input(3)]
            [Dense(2, Activation.Identity)]
            public partial class NET;
            public static class Use { public static int Sizes() => Net.InputSize * 10 + NET.InputSize; }
            """);
        AssertCompilesCleanly(outcome);
        Assert.Equal(2, outcome.Files.Count);
        Assert.NotEqual(outcome.Files[0].HintName.ToUpperInvariant(), outcome.Files[1].HintName.ToUpperInvariant());
    }

    [Fact]
    public void Private_generated_names_give_way_to_the_users()
    {
        // Every name here is one the generated class uses for a private member, a nested type or an alias.
        AssertCompilesCleanly(GeneratorHarness.Run("""
            using NetGen;
            namespace App
            {
                public class Unsafe { }
                public class Base { protected int _training; protected void Grow(int batch) { } }
                [Network(Loss.CrossEntropy)]
                [Input(20)]
                [Dense(70, Activation.ReLU, Dropout = 0.2)]
                [Dense(3, Activation.Softmax)]
                [Adam(1e-3)]
                public partial class Net : Base
                {
                    private string _parameters = "";
                    public const int ChunkSize = 3;
                    public int Layer1Weights { get; set; }
                    public void Update() { }
                    private void Update(int start, int length) { }
                    public class InferenceScratch { }
                    public static int Inference;
                    public object? _random;
                    public int ForwardOne, ForwardLayers, BackwardLayers, _origin;
                    public class ShapeWork { }
                    public int ComputeChunk, BeginBatch, _network, Schedule;
                    public string Describe() => _parameters + ChunkSize + Layer1Weights + Inference + _random + ForwardOne + _training
                        + new ShapeWork() + ComputeChunk + BeginBatch + _network + Schedule;
                }
            }
            """));
    }
}
