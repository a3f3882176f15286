using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Documentation;

/// <summary>
/// Every C# block of the READMEs is part of tests/PackageConsumer, a program that CI builds from the
/// packed packages and runs under JIT and NativeAOT. This keeps the blocks and that program in step:
/// a block edited in a README but not in the consumer (or the other way round) fails here.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string s_root = RepositoryFiles.Root;

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (string readme in Readmes())
        {
            for (int i = 0; i < CSharpBlocks(File.ReadAllText(Path.Combine(s_root, readme))).Count; i++)
            {
                data.Add(readme, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_csharp_block_is_compiled_and_run_by_the_package_consumer(string readme, int index)
    {
        string[] block = CSharpBlocks(File.ReadAllText(Path.Combine(s_root, readme)))[index];

        bool found = ConsumerSources().Any(source => ContainsLines(source, block));

        Assert.True(found, $"{readme}, C# block {index + 1}, is not in tests/PackageConsumer as written:\n"
            + string.Join('\n', block));
    }

    [Fact]
    public void The_main_readme_has_the_blocks_its_sections_promise()
    {
        // The first program (two files), a network declaration, a training loop, Trainer.Fit and plots.
        Assert.True(CSharpBlocks(File.ReadAllText(Path.Combine(s_root, "README.md"))).Count >= 6);
    }

    [Fact]
    public void A_block_that_differs_by_one_token_is_not_found()
    {
        string[] source = ["var net = new SpiralNet(seed: 42);", "    net.Forward(point, output);"];

        Assert.True(ContainsLines(source, ["net.Forward(point, output);"]));
        Assert.False(ContainsLines(source, ["net.Forward(point, outputs);"]));
        Assert.False(ContainsLines(source, ["net.Forward(point, output);", "var net = new SpiralNet(seed: 42);"]));
    }

    private static IEnumerable<string> Readmes() =>
        ["README.md", "src/NetGen/README.md", "src/NetGen.Plotting/README.md"];

    /// <summary>The lines of each fenced block marked <c>csharp</c>, trimmed at both ends.</summary>
    private static List<string[]> CSharpBlocks(string markdown)
    {
        var blocks = new List<string[]>();
        foreach (Match match in Regex.Matches(markdown, @"^```csharp\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline))
        {
            blocks.Add(Lines(match.Groups[1].Value));
        }
        return blocks;
    }

    private static IEnumerable<string[]> ConsumerSources() =>
        Directory.EnumerateFiles(Path.Combine(s_root, "tests", "PackageConsumer"), "*.cs")
            .Select(path => Lines(File.ReadAllText(path)));

    // Indentation is not compared: a block that is a method's body in the consumer sits deeper there.
    private static string[] Lines(string text) =>
        text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Select(line => line.Trim()).ToArray();

    private static bool ContainsLines(string[] source, string[] block)
    {
        string[] trimmed = source.Select(line => line.Trim()).ToArray();
        for (int start = 0; start + block.Length <= trimmed.Length; start++)
        {
            if (trimmed.AsSpan(start, block.Length).SequenceEqual(block))
            {
                return true;
            }
        }
        return false;
    }
}
