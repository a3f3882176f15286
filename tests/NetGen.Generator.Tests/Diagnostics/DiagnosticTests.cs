using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Each bad declaration gets its own NGxxxx error at the class or attribute, and that error is the only
/// problem in the compilation: no network is generated, only its public surface where the class can take one.
/// </summary>
public sealed class DiagnosticTests
{
    /// <summary>
    /// Runs the generator and asserts a single NetGen diagnostic with <paramref name="id"/>, whose
    /// location covers exactly <paramref name="locatedText"/>, and whose message contains <paramref name="hint"/>.
    /// </summary>
    private static void AssertDiagnostic(string source, string id, string locatedText, string hint)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Result.Exception);
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        // Locations travel through the pipeline as path and span, so the text is found by path.
        SyntaxTree tree = outcome.Output.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(locatedText, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains(hint, diagnostic.GetMessage());
        Assert.Equal([id], outcome.CompilationProblems.Select(d => d.Id).Distinct());
        Assert.All(outcome.Files, file => Assert.Contains("every member throws", file.SourceText.ToString()));
    }

    [Fact]
    public void NG0001_class_not_partial() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        public class Net { }
        """, "NG0001", "Net", "partial class Net");

    [Fact]
    public void NG0001_containing_class_not_partial() => AssertDiagnostic("""
        using NetGen;
        public class Outer
        {
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net { }
        }
        """, "NG0001", "Net", "partial class Outer");

    [Fact]
    public void NG0002_no_input() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Dense(1, Activation.Identity)]
        public partial class Net;
        """, "NG0002", "Net", "[Input(2)]");

    [Fact]
    public void NG0003_no_dense() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        public partial class Net;
        """, "NG0003", "Net", "[Dense(size, activation)]");

    [Theory]
    [InlineData("[Input(0)]", "[Dense(1, Activation.Identity)]", "Input(0)")]
    [InlineData("[Input(-3)]", "[Dense(1, Activation.Identity)]", "Input(-3)")]
    [InlineData("[Input(2)]", "[Dense(0, Activation.ReLU)]", "Dense(0, Activation.ReLU)")]
    public void NG0004_size_not_positive(string input, string dense, string locatedText) => AssertDiagnostic($"""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        {input}
        {dense}
        public partial class Net;
        """, "NG0004", locatedText, "at least 1");

    [Fact]
    public void NG0005_softmax_on_a_hidden_layer() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4, Activation.Softmax)]
        [Dense(1, Activation.Identity)]
        public partial class Net;
        """, "NG0005", "Dense(4, Activation.Softmax)", "final layer only");

    [Fact]
    public void NG0006_cross_entropy_without_softmax() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.CrossEntropy)]
        [Input(2)]
        [Dense(3, Activation.Sigmoid)]
        public partial class Net;
        """, "NG0006", "Network(Loss.CrossEntropy)", "Activation.Softmax");

    [Fact]
    public void NG0007_binary_cross_entropy_without_sigmoid() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(1, Activation.Tanh)]
        public partial class Net;
        """, "NG0007", "Network(Loss.BinaryCrossEntropy)", "Activation.Sigmoid");

    [Fact]
    public void NG0008_two_optimizers() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        [Sgd(0.1)]
        [Adam(1e-3)]
        public partial class Net;
        """, "NG0008", "Adam(1e-3)", "remove [Adam]");

    [Fact]
    public void NG0009_generic_class() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        public partial class Net<T>;
        """, "NG0009", "Net", "is generic");

    [Fact]
    public void NG0009_nested_in_a_generic_class() => AssertDiagnostic("""
        using NetGen;
        public partial class Outer<T>
        {
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net;
        }
        """, "NG0009", "Net", "nested in the generic type 'Outer'");

    [Fact]
    public void NG0010_static_class() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        public static partial class Net;
        """, "NG0010", "Net", "remove 'static'");

    [Fact]
    public void NG0011_layers_on_two_declarations() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(4, Activation.Tanh)]
        public partial class Net;

        [Dense(1, Activation.Identity)]
        public partial class Net;
        """, "NG0011", "Dense(1, Activation.Identity)", "move them all");

    [Theory]
    [InlineData("[Sgd(0)]", "Sgd(0)", "LearningRate is 0")]
    [InlineData("[Sgd(-0.5)]", "Sgd(-0.5)", "LearningRate is -0.5")]
    [InlineData("[Sgd(double.NaN)]", "Sgd(double.NaN)", "LearningRate is NaN")]
    [InlineData("[Sgd(0.1, Momentum = -1)]", "Sgd(0.1, Momentum = -1)", "Momentum is -1")]
    [InlineData("[Sgd(0.1, Nesterov = true)]", "Sgd(0.1, Nesterov = true)", "Nesterov needs a positive Momentum")]
    [InlineData("[Adam(1e-3, Beta1 = 1)]", "Adam(1e-3, Beta1 = 1)", "Beta1 is 1")]
    [InlineData("[AdamW(1e-3, WeightDecay = -0.1)]", "AdamW(1e-3, WeightDecay = -0.1)", "WeightDecay is -0.1")]
    [InlineData("[RmsProp(0.01, Alpha = 1.5)]", "RmsProp(0.01, Alpha = 1.5)", "Alpha is 1.5")]
    public void NG0012_invalid_optimizer_argument(string optimizer, string locatedText, string hint) => AssertDiagnostic($"""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        {optimizer}
        public partial class Net;
        """, "NG0012", locatedText, hint);

    [Theory]
    [InlineData("[Dense(1, (Activation)42)]", "Dense(1, (Activation)42)", "The Activation given is none of the Activation members: use one of Activation.Identity")]
    [InlineData("[Dense(1, Activation.Identity, InitScale = -1)]", "Dense(1, Activation.Identity, InitScale = -1)", "InitScale of layer 1")]
    [InlineData("[Dense(1, Activation.Identity, Init = (Init)99)]", "Dense(1, Activation.Identity, Init = (Init)99)", "The Init given is none of the Init members: use one of Init.Default")]
    [InlineData("[Dense(1, Activation.LeakyReLU, NegativeSlope = -0.1)]", "Dense(1, Activation.LeakyReLU, NegativeSlope = -0.1)", "NegativeSlope of layer 1 ([Dense]) is -0.1: it must be a finite number of at least 0")]
    [InlineData("[Dense(1, Activation.LeakyReLU, NegativeSlope = double.PositiveInfinity)]", "Dense(1, Activation.LeakyReLU, NegativeSlope = double.PositiveInfinity)", "NegativeSlope of layer 1 ([Dense]) is")]
    [InlineData("[Dense(1, Activation.Tanh, NegativeSlope = 0.2)]", "Dense(1, Activation.Tanh, NegativeSlope = 0.2)", "NegativeSlope of layer 1 ([Dense]) applies to Activation.LeakyReLU only, and this layer's activation is Tanh")]
    public void NG0012_invalid_layer_argument(string dense, string locatedText, string hint) => AssertDiagnostic($"""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        {dense}
        public partial class Net;
        """, "NG0012", locatedText, hint);

    [Theory]
    [InlineData("[Dense(4, Activation.ReLU, Name = \"lin_1\")] [Dense(1, Activation.Identity)]", "Dense(1, Activation.Identity)",
        "Layer 2 ([Dense]) has no Name while 1 of the 2 layers have one")]
    [InlineData("[Dense(4, Activation.ReLU, Name = \"\")] [Dense(1, Activation.Identity, Name = \"out\")]", "Dense(4, Activation.ReLU, Name = \"\")",
        "Name of layer 1 ([Dense]) is \"\": a PyTorch module name must be non-empty and hold no '.'")]
    [InlineData("[Dense(4, Activation.ReLU, Name = \"body.lin\")] [Dense(1, Activation.Identity, Name = \"out\")]",
        "Dense(4, Activation.ReLU, Name = \"body.lin\")", "Name of layer 1 ([Dense]) is \"body.lin\"")]
    [InlineData("[Dense(4, Activation.ReLU, Name = \"lin\")] [Dense(1, Activation.Identity, Name = \"lin\")]",
        "Dense(1, Activation.Identity, Name = \"lin\")", "Name of layer 2 ([Dense]) is \"lin\", which an earlier layer has")]
    public void NG0012_layer_names_that_cannot_name_pytorch_modules(string layers, string locatedText, string hint) => AssertDiagnostic($"""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        {layers}
        public partial class Net;
        """, "NG0012", locatedText, hint);

    [Fact]
    public void NG0014_dropout_on_the_final_layer() => AssertDiagnostic("""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(8, Activation.ReLU, Dropout = 0.5)]
        [Dense(1, Activation.Identity, Dropout = 0.5)]
        public partial class Net;
        """, "NG0014", "Dense(1, Activation.Identity, Dropout = 0.5)", "Layer 2 of 'Net' is the final layer");

    [Theory]
    [InlineData("public Net() { }", "does not call ': this(seed)'")]
    [InlineData("public Net(string name) : base() { }", "does not call ': this(seed)'")]
    [InlineData("public Net(int width) { }", "has the signature of the generated constructor")]
    public void NG0015_constructor_that_skips_initialization(string constructor, string hint) => AssertDiagnostic($$"""
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Identity)]
        public partial class Net
        {
            {{constructor}}
        }
        """, "NG0015", "Net", hint);

    [Fact]
    public void A_constructor_that_chains_to_the_generated_one_is_welcome()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net
            {
                public Net(string name) : this(seed: name.Length) => Name = name;
                public string Name { get; } = "";
            }
            """);

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Single(outcome.Files);
    }

    [Theory]
    [InlineData("[Network(Loss.MeanSquaredError, L2 = -1)]", "[Dense(4, Activation.ReLU)]", "Network(Loss.MeanSquaredError, L2 = -1)", "L2 is -1")]
    [InlineData("[Network(Loss.MeanSquaredError, L1 = double.PositiveInfinity)]", "[Dense(4, Activation.ReLU)]", "Network(Loss.MeanSquaredError, L1 = double.PositiveInfinity)", "L1 is Infinity")]
    [InlineData("[Network(Loss.MeanSquaredError)]", "[Dense(4, Activation.ReLU, Dropout = 1)]", "Dense(4, Activation.ReLU, Dropout = 1)", "Dropout of layer 1 ([Dense]) is 1")]
    [InlineData("[Network(Loss.MeanSquaredError)]", "[Dense(4, Activation.ReLU, Dropout = -0.1)]", "Dense(4, Activation.ReLU, Dropout = -0.1)", "Dropout of layer 1 ([Dense]) is -0.1")]
    public void NG0012_invalid_regularization(string network, string hidden, string locatedText, string hint) => AssertDiagnostic($"""
        using NetGen;
        {network}
        [Input(2)]
        {hidden}
        [Dense(1, Activation.Identity)]
        public partial class Net;
        """, "NG0012", locatedText, hint);

    [Fact]
    public void Every_problem_of_a_declaration_is_reported_at_once()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.CrossEntropy)]
            [Input(0)]
            [Dense(4, Activation.Softmax)]
            [Dense(2, Activation.ReLU)]
            public class Net { }
            """);

        Assert.Equal(new[] { "NG0001", "NG0004", "NG0005", "NG0006" }, outcome.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(outcome.Files);
    }

    [Theory]
    [InlineData("[Dense(10, Activation.Sigmoidd)]")]
    [InlineData("[Dense(10, )]")]
    [InlineData("[Dense(\"ten\", Activation.Sigmoid)]")]
    [InlineData("[Dense(10, Activation.Sigmoid, Init = )]")]
    [InlineData("[Dense(Size, Activation.Sigmoid)]")]
    [InlineData("[Dens(10, Activation.Sigmoid)]")]
    public void Half_typed_attribute_yields_no_output_and_no_crash(string dense)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run($$"""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            {{dense}}
            public partial class Net { }
            """);

        Assert.Null(outcome.Result.Exception);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics().Concat(outcome.GeneratorDiagnostics), d => d.Id is "CS8785" or "NG0013");
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void Network_on_two_declarations_is_generated_once()
    {
        // Two [Network] attributes on one class are the compiler's CS0579; the generator must not add the source twice.
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(2)]
            [Dense(1, Activation.Identity)]
            public partial class Net;

            [Network(Loss.MeanSquaredError)]
            public partial class Net;
            """);

        Assert.Null(outcome.Result.Exception);
        Assert.Single(outcome.Files);
        Assert.Contains(outcome.Output.GetDiagnostics(), d => d.Id == "CS0579");
    }

    [Fact]
    public void Network_declared_in_the_global_namespace_compiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)]
            [Input(3)]
            [Dense(1, Activation.Identity)]
            partial class Net;
            """);

        Assert.Empty(outcome.CompilationProblems.Select(d => d.ToString()));
        Assert.Equal("Net.g.cs", Assert.Single(outcome.Files).HintName);
    }
}
