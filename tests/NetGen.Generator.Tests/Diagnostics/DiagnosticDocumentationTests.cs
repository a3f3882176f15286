using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Generator.Tests.Diagnostics;

/// <summary>
/// Every diagnostic has its page, docs/diagnostics/NGxxxx.md, listed in that folder's index, and the
/// IDE's link from the error opens it.
/// </summary>
public sealed class DiagnosticDocumentationTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
            data.Add(descriptor.Id);
        data.Add(DiagnosticDescriptors.GeneratorNotRunningId);
        return data;
    }

    [Fact]
    public void Every_descriptor_links_to_its_page_in_the_repository()
    {
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.Equal($"https://github.com/netgen-dotnet/netgen/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_a_page_listed_in_the_index(string id)
    {
        string folder = RepositoryFiles.PathOf(Path.Combine("docs", "diagnostics"));

        Assert.True(File.Exists(Path.Combine(folder, id + ".md")), $"docs/diagnostics/{id}.md is missing");
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(folder, "README.md")));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
}
