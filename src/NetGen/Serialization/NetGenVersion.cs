using System.Reflection;

namespace NetGen;

/// <summary>The version of the NetGen package this runtime belongs to (Version.props, stamped on the assembly by the build), as files record it.</summary>
internal static class NetGenVersion
{
    public static string Value { get; } = Read();

    private static string Read()
    {
        Assembly assembly = typeof(NetGenVersion).Assembly;
        // "0.1.0+<commit>": the build appends the source revision after a '+', which a file need not carry.
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int revision = informational.IndexOf('+');
        return revision < 0 ? informational : informational[..revision];
    }
}
