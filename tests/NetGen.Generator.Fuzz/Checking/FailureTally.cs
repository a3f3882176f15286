using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetGen.Generator.Fuzz.Sources;

namespace NetGen.Generator.Fuzz.Checking;

/// <summary>Cases per kind of failure, with the shortest case seen for each kind as its example.</summary>
internal sealed class FailureTally
{
    private readonly Dictionary<string, (int Count, FuzzCase Example, Failure Failure)> _kinds = new();

    public int FailedCases { get; private set; }

    public bool IsEmpty => FailedCases == 0;

    public void Add(FuzzCase fuzzCase, IReadOnlyList<Failure> failures)
    {
        if (failures.Count == 0)
            return;
        FailedCases++;
        foreach (Failure failure in failures.DistinctBy(f => f.Kind))
        {
            _kinds.TryGetValue(failure.Kind, out var entry);
            bool shorter = entry.Example is null || fuzzCase.Length < entry.Example.Length;
            _kinds[failure.Kind] = (entry.Count + 1, shorter ? fuzzCase : entry.Example!, shorter ? failure : entry.Failure);
        }
    }

    public string Describe(long cases)
    {
        var text = new StringBuilder($"{FailedCases} of {cases} cases failed; cases per kind of failure:\n");
        foreach (var (kind, entry) in _kinds.OrderByDescending(k => k.Value.Count).ThenBy(k => k.Key))
            text.Append($"  {entry.Count,6}  {kind}\n");
        foreach (var (kind, entry) in _kinds.OrderByDescending(k => k.Value.Count).ThenBy(k => k.Key))
            text.Append($"\n==== {kind} ({entry.Count} cases); shortest example:\n{entry.Failure.Detail}\n{entry.Example}");
        return text.ToString();
    }
}
