using System.Linq;
using System.Text;

namespace NetGen.Generator.Fuzz.Sources;

/// <summary>
/// One compilation to run the generator on: the user's files, which use nothing the generator adds, and
/// optionally files that use the generated members, which are left out when judging whether the input is clean.
/// </summary>
public sealed record FuzzCase(string Scenario, string[] Files, string[] UsageFiles)
{
    public override string ToString()
    {
        var text = new StringBuilder($"scenario: {Scenario}\n");
        for (int index = 0; index < Files.Length; index++)
            text.Append($"// ---- User{index}.cs\n{Files[index]}\n");
        for (int index = 0; index < UsageFiles.Length; index++)
            text.Append($"// ---- Usage{index}.cs (uses the generated members)\n{UsageFiles[index]}\n");
        return text.ToString();
    }

    /// <summary>Characters of source in all files: the size a failing case is shrunk by when the tally keeps one example a kind.</summary>
    public int Length => Files.Sum(f => f.Length) + UsageFiles.Sum(f => f.Length);
}
