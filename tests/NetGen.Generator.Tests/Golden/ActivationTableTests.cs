using System;
using System.Reflection;
using NetGen.Generator.Model;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Generator.Tests.Golden;

/// <summary>
/// The generator's activation table against the runtime it names: each element-wise activation has
/// the runtime operator struct of its name, whose derivative reads what the table says a layer keeps,
/// and whose default argument is the table's.
/// </summary>
public sealed class ActivationTableTests
{
    public static TheoryData<string> Kinds() => new(Enum.GetNames<ActivationKind>());

    [Theory, MemberData(nameof(Kinds))]
    public void Each_activation_is_the_runtime_struct_of_its_name(string name)
    {
        var kind = Enum.Parse<ActivationKind>(name);
        ActivationTraits traits = ActivationTable.Of(kind);
        Type? open = typeof(IActivation<>).Assembly.GetType($"NetGen.Kernels.{kind}Activation`1");

        Assert.Equal(kind, traits.Kind);
        Assert.Equal(traits.IsElementwise, open is not null);
        if (open is null)
            return;
        var source = (DerivativeSource)open.MakeGenericType(typeof(double))
            .GetProperty(nameof(IActivation<double>.DerivativeSource), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(traits.DerivativeSource.ToString(), source.ToString());
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_default_argument_is_the_one_the_runtime_applies(string name)
    {
        var kind = Enum.Parse<ActivationKind>(name);
        ActivationTraits traits = ActivationTable.Of(kind);
        if (!traits.IsElementwise || traits.ArgumentName is null)
            return;

        // The runtime's default argument, read from what it computes: the negative slope is f(−1) / −1.
        double applied = Activations.Apply(-1.0, (Activation)(int)kind) / -1.0;
        Assert.Equal(traits.DefaultArgument, applied);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void The_default_init_follows_the_rule_the_attribute_documents(string name)
    {
        var kind = Enum.Parse<ActivationKind>(name);
        // DenseAttribute.Init: "He normal after ReLU, LeakyReLU and the smooth activations shaped like ReLU
        // (SiLU, GELUTanh, ELU, GELU, Mish), Xavier (Glorot) uniform after anything else".
        InitKind expected = kind is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.SiLU or ActivationKind.GELUTanh or ActivationKind.ELU
            or ActivationKind.GELU or ActivationKind.Mish
            ? InitKind.HeNormal : InitKind.XavierUniform;

        Assert.Equal(expected, ActivationTable.Of(kind).DefaultInit);
    }
}
