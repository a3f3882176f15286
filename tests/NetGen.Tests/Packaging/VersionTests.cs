using System.CodeDom.Compiler;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Packaging;

/// <summary>
/// One version, in Version.props: the runtime assembly and the code its generator writes carry the
/// same one, since generated code calls runtime kernels that change with any version.
/// </summary>
public sealed class VersionTests
{
    private static readonly string s_version = XDocument.Load(RepositoryFiles.PathOf("Version.props"))
        .Descendants("Version").Single().Value;

    [Fact]
    public void The_runtime_assembly_carries_the_version_of_Version_props()
    {
        string informational = typeof(INetwork<>).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(s_version, informational.Split('+')[0]);
    }

    [Fact]
    public void Generated_networks_name_NetGen_and_the_version_of_Version_props()
    {
        GeneratedCodeAttribute? attribute = typeof(XorNet).GetCustomAttribute<GeneratedCodeAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal("NetGen", attribute.Tool);
        Assert.Equal(s_version, attribute.Version);
    }
}
