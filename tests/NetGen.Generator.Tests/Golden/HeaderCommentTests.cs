using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;

namespace NetGen.Generator.Tests.Golden;

/// <summary>The comment that opens a generated network names each declared layer and the form it is written in.</summary>
public sealed class HeaderCommentTests
{
    [Theory]
    [InlineData(nameof(GoldenNetworks.TinySigmoid))]
    [InlineData(nameof(GoldenNetworks.Spiral))]
    [InlineData(nameof(GoldenNetworks.Mnist))]
    [InlineData(nameof(GoldenNetworks.DeepTanh))]
    [InlineData(nameof(GoldenNetworks.RegularizedDigits))]
    [InlineData(nameof(GoldenNetworks.NestedRmsProp))]
    public void The_header_lists_every_declared_layer_with_its_sizes_and_activation(string network)
    {
        string source = (string)typeof(GoldenNetworks).GetField(network)!.GetValue(null)!;
        int previous = int.Parse(Regex.Match(source, @"\[Input\((\d+)\)\]").Groups[1].Value);
        var declared = Regex.Matches(source, @"\[Dense\((\d+), Activation\.(\w+)").Select(m => (Size: int.Parse(m.Groups[1].Value), Activation: m.Groups[2].Value)).ToList();

        string text = GeneratorHarness.Run(source).Files.Single().SourceText.ToString();
        // The comment's lines joined, as broken lines continue one another.
        string header = Regex.Replace(text.Substring(0, text.IndexOf("/// <summary>")), @"\n *//", "");

        // Each declared layer is described once, alone or in a range of layers described alike.
        var described = Regex.Matches(header, @" Layers? (\d+)(?:-(\d+))?: (\d+) -> (\d+), (\w+)").ToList();
        int next = 1;
        foreach (Match match in described)
        {
            int from = int.Parse(match.Groups[1].Value), to = match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : from;
            Assert.Equal(next, from);
            for (int l = from; l <= to; l++)
            {
                Assert.Equal($"{previous}", match.Groups[3].Value);
                Assert.Equal($"{declared[l - 1].Size}", match.Groups[4].Value);
                Assert.Equal(declared[l - 1].Activation, match.Groups[5].Value);
                previous = declared[l - 1].Size;
            }
            next = to + 1;
        }
        Assert.Equal(declared.Count + 1, next);
        Assert.Equal(described.Count, Regex.Matches(header, "   Forward over a batch: ").Count);
        Assert.Equal(described.Count, Regex.Matches(header, @"\. Backward: ").Count);
        Assert.Contains(" Training: chunks of ", header);
    }

    [Theory]
    // 784·256 weights are far too many to unroll; 2·2 are few.
    [InlineData(nameof(GoldenNetworks.Mnist), 1, "Forward over a batch: Dense.Forward (over 64 weights)")]
    [InlineData(nameof(GoldenNetworks.TinySigmoid), 1, "Forward over a batch: unrolled, a statement per output")]
    public void The_header_names_the_form_a_layers_size_calls_for(string network, int layer, string form)
    {
        string source = (string)typeof(GoldenNetworks).GetField(network)!.GetValue(null)!;
        string text = GeneratorHarness.Run(source).Files.Single().SourceText.ToString();

        string forward = text.Split('\n').SkipWhile(line => !line.Contains($"// Layer {layer}:")).Skip(1).First();
        Assert.Contains(form, forward);
    }
}
