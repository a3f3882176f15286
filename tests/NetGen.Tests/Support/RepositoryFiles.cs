using System;
using System.IO;

namespace NetGen.Tests.Support;

/// <summary>Files of the repository that the tests check the build against (READMEs, Version.props).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Version.props")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Version.props above {AppContext.BaseDirectory}: the tests run inside the repository.");
    }
}
