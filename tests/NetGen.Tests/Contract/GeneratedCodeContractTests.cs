using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Contract;

/// <summary>
/// The public types that only generated code uses are the internal contract between the generator and
/// the runtime of the same version (docs/generated-code-contract.md): they are kept out of IntelliSense,
/// so that a new kernel cannot join them without the attribute, and none of them shows on the user's
/// class, whose only interface is <see cref="INetwork{T}"/>.
/// </summary>
public class GeneratedCodeContractTests
{
    private static readonly Assembly Runtime = typeof(INetwork<>).Assembly;

    private static bool IsHidden(Type type) =>
        type.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

    [Fact]
    public void Every_public_type_in_NetGen_Kernels_is_hidden_from_IntelliSense()
    {
        Type[] kernels = Runtime.GetExportedTypes().Where(t => t.Namespace == "NetGen.Kernels").ToArray();
        Assert.NotEmpty(kernels);
        Assert.Empty(kernels.Where(t => !IsHidden(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Runtime_types_that_only_generated_code_calls_are_hidden() =>
        Assert.True(IsHidden(typeof(Initializers)));

    [Theory]
    [InlineData(typeof(INetwork<>))]
    [InlineData(typeof(NetworkAttribute))]
    [InlineData(typeof(SeededRandom))]
    [InlineData(typeof(Trainer))]
    public void The_user_facing_api_stays_visible(Type type) => Assert.False(IsHidden(type));

    [Theory]
    [InlineData(typeof(FloatCrossEntropyNet), typeof(INetwork<float>))]
    [InlineData(typeof(WideDoubleCrossEntropyNet), typeof(INetwork<double>))]
    public void A_generated_network_implements_INetwork_and_nothing_else(Type network, Type contract) =>
        Assert.Equal([contract], network.GetInterfaces());
}
