using System.Linq;
using NetGen.Generator.Emitting;
using Xunit;

namespace NetGen.Generator.Tests.Emitting;

/// <summary>Long generated lines break where a careful hand would, and say the same thing once joined again.</summary>
public sealed class LineBreakerTests
{
    private static string[] Break(string line, int depth = 3) =>
        LineBreaker.Break(line, depth).Select(p => new string(' ', p.Depth * 4) + p.Text).ToArray();

    /// <summary>The lines joined by single spaces, with the spaces a break put inside brackets taken out again.</summary>
    private static string Joined(string[] lines) =>
        string.Join(" ", lines.Select(l => l.Trim())).Replace("( ", "(");

    [Fact]
    public void A_line_that_fits_stays_as_it_is()
    {
        string line = "        int count = Math.Min(ForwardPiece, batch - first);";

        Assert.Equal([line], LineBreaker.Break(line, 0).Select(p => new string(' ', p.Depth * 4) + p.Text).ToArray());
    }

    [Fact]
    public void A_long_call_breaks_after_its_parenthesis_and_packs_its_arguments()
    {
        string line = "Initializers.InitializeLayer<float>(new Span<float>(_parameters, _origin + Layer1Weights, 4096), "
            + "new Span<float>(_parameters, _origin + Layer1Bias, 64), 64, 64, Init.XavierUniform, Activation.Sigmoid, 0d, 1d, random);";

        string[] lines = Break(line);

        Assert.Equal("            Initializers.InitializeLayer<float>(", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(new string(' ', 16), l));
        Assert.All(lines, l => Assert.True(l.Length < LineBreaker.MaxLength, l));
        Assert.Equal(line, Joined(lines));
        // Each argument stays whole on its line.
        Assert.Contains(lines, l => l.Contains("new Span<float>(_parameters, _origin + Layer1Weights, 4096),"));
    }

    [Fact]
    public void A_long_sum_breaks_before_its_outermost_additions()
    {
        string line = "z = Unsafe.Add(ref w, Layer1Bias + 1) + x0 * Unsafe.Add(ref w, Layer1Weights + 1) + x1 * Unsafe.Add(ref w, Layer1Weights + 3)"
            + " + x2 * Unsafe.Add(ref w, Layer1Weights + 5);";

        string[] lines = Break(line);

        Assert.Equal("            z = Unsafe.Add(ref w, Layer1Bias + 1)", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(new string(' ', 16) + "+ ", l));
        Assert.Equal(line, Joined(lines));
    }

    [Fact]
    public void A_conditional_breaks_at_its_question_mark_and_colon_not_inside_a_branch()
    {
        string line = "float loss = batch <= ChunkSize ? ComputeChunk(inputs, targets, 0, batch, batch, _gradients) + penalty + other"
            + " : ComputeChunks(inputs, targets, batch) + penalty + other;";

        string[] lines = Break(line, 2);

        Assert.Equal(["        float loss = batch <= ChunkSize",
            "            ? ComputeChunk(inputs, targets, 0, batch, batch, _gradients) + penalty + other",
            "            : ComputeChunks(inputs, targets, batch) + penalty + other;"], lines);
    }

    [Fact]
    public void Commas_and_operators_inside_a_string_are_not_break_points()
    {
        string message = new string('x', 80) + ", a + b ? c : d, " + new string('y', 80);
        string line = $"throw new ArgumentException(\"{message}\");";

        string[] lines = Break(line);

        Assert.Equal(["            throw new ArgumentException(", $"                \"{message}\");"], lines);
    }

    [Fact]
    public void A_comment_breaks_between_words_keeps_its_marker_and_never_splits_a_tag()
    {
        string line = "/// <summary>Rows [first, first + count) of a batch: their share of the mean loss, and their gradient sum into "
            + "<paramref name=\"gradients\"/>, in chunk order.</summary>";

        string[] lines = Break(line);

        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.StartsWith("            /// ", l));
        Assert.All(lines, l => Assert.True(l.Length < LineBreaker.MaxLength, l));
        Assert.Contains(lines, l => l.Contains("<paramref name=\"gradients\"/>,"));
        Assert.Equal(line, string.Join(" ", lines.Select((l, i) => i == 0 ? l.Trim() : l.Trim().Substring(4))));
    }

    [Fact]
    public void A_plain_comment_continues_under_its_text()
    {
        string line = "//   Backward: Dense.BackwardWeights for its gradients, and its input gradient through the product kernel from weights "
            + "transposed once a batch of 16 or more.";

        string[] lines = Break(line, 1);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("    //   Backward:", lines[0]);
        Assert.StartsWith("    //     ", lines[1]);
        Assert.NotEqual(' ', lines[1][11]);
    }

    [Fact]
    public void Indentation_written_into_the_line_counts_as_depth()
    {
        string line = "    _chunkLosses[chunk] = ComputeChunk(new ReadOnlySpan<float>(_parallelInputs, 0, _parallelBatch * InputSize), "
            + "new ReadOnlySpan<float>(_parallelTargets, 0, _parallelBatch * OutputSize), chunk, _parallelBatch);";

        string[] lines = Break(line, 4);

        Assert.StartsWith(new string(' ', 20) + "_chunkLosses[chunk] = ComputeChunk(", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(new string(' ', 24), l));
    }

    [Fact]
    public void A_long_lines_trailing_comment_goes_above_it()
    {
        string code = "private readonly global::NetGen.Kernels.NetworkTraining<float> _training;";
        string comment = "// what training does whatever the shape, calling back into ShapeWork, for every network of this class";

        string[] lines = Break(code + " " + comment);

        Assert.Equal([new string(' ', 12) + comment, new string(' ', 12) + code], lines);
    }

    [Fact]
    public void An_initializer_breaks_among_its_members()
    {
        string line = "private static readonly TrainingSchedule Schedule = new TrainingSchedule(new[] { 3, 24, 1 }, ChunkSize) "
            + "{ StepsWithChunkSums = true, ProbabilityTargets = true, FirstWeightBlocks = 1, ReadsLabels = false };";

        string[] lines = Break(line);

        Assert.All(lines, l => Assert.True(l.Length < LineBreaker.MaxLength, l));
        Assert.EndsWith("{", lines[0]);
        Assert.Equal(line, Joined(lines).Replace("{ ", "{").Replace("{", "{ ").Replace("new[] {  ", "new[] { "));
    }

    [Fact]
    public void A_line_with_no_place_to_break_stays_whole()
    {
        string line = "var " + new string('a', 200) + " = 0;";

        Assert.Equal([new string(' ', 12) + line], Break(line));
    }
}
