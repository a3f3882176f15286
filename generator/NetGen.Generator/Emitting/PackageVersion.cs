using System.Reflection;

namespace NetGen.Generator.Emitting;

/// <summary>
/// The version of NetGen that this generator belongs to, as the package carries it (Version.props at
/// the repository's root, which the build stamps on the assembly). Generated code records it, since
/// it calls runtime kernels that are a contract between the generator and the runtime of one version.
/// </summary>
internal static class PackageVersion
{
    public static string Value { get; } = Read();

    private static string Read()
    {
        // "0.1.0+<commit>": the package version, then the source revision that the build appends.
        string? informational = typeof(PackageVersion).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(PackageVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }
        int metadata = informational!.IndexOf('+');
        return metadata < 0 ? informational : informational.Substring(0, metadata);
    }
}
