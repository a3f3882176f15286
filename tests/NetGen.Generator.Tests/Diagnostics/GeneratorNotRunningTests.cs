using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>
/// NG0023: NetGen.dll warns at each [Network] (its attribute is [Obsolete] with that id) so that a project
/// that references the runtime without the generator learns why its networks have no members; the
/// generator's assembly carries the suppressor that removes the warning wherever the generator runs.
/// </summary>
public sealed class GeneratorNotRunningTests
{
    private const string Networks = """
        using NetGen;
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(1, Activation.Sigmoid)]
        public partial class XorNet;

        namespace App
        {
            [NetGen.NetworkAttribute(NetGen.Loss.CrossEntropy, Precision = NetGen.Precision.Double)]
            [NetGen.Input(4)]
            [NetGen.Dense(3, NetGen.Activation.Softmax)]
            public partial class IrisNet;
        }

        public static class Use
        {
            public static int Run()
            {
                var net = new XorNet(seed: 42);
                return net.Predict(new float[] { 0, 1 }) + App.IrisNet.OutputSize;
            }
        }
        """;

    private static string TextAt(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    [Fact]
    public void Without_the_generator_each_network_gets_one_NG0023_at_its_attribute()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Networks);

        Diagnostic[] ng0023 = compilation.GetDiagnostics().Where(d => d.Id == "NG0023").OrderBy(d => d.Location.SourceSpan.Start).ToArray();

        Assert.Equal(["Network", "NetGen.NetworkAttribute"], ng0023.Select(TextAt));
        Assert.All(ng0023, d =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("source generator is not running in this project", d.GetMessage());
            Assert.Contains("Reference the NetGen package", d.GetMessage());
            Assert.Contains("OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\"", d.GetMessage());
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void With_the_generator_NG0023_is_suppressed_and_the_build_is_clean(bool warningsAsErrors)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Networks);
        if (warningsAsErrors)
            compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);

        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.BuildDiagnostics(output, reportSuppressed: true);

        Diagnostic[] ng0023 = diagnostics.Where(d => d.Id == "NG0023").ToArray();
        Assert.Equal(2, ng0023.Length);
        Assert.All(ng0023, d => Assert.True(d.IsSuppressed));
        Assert.Empty(diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void The_suppressor_suppresses_NG0023_alone_and_says_why()
    {
        SuppressionDescriptor suppression = Assert.Single(new GeneratorPresentSuppressor().SupportedSuppressions);

        Assert.Equal("NG0023", suppression.SuppressedDiagnosticId);
        Assert.Contains("generator is running in this compilation", suppression.Justification.ToString());
    }
}
