using System;
using Xunit;

namespace NetGen.Generator.Tests.Golden;

/// <summary>The generator's copies of the runtime's enums must agree with them name for name and value for value.</summary>
public sealed class EnumMirrorTests
{
    [Theory]
    [InlineData(typeof(Activation), typeof(Model.ActivationKind))]
    [InlineData(typeof(Loss), typeof(Model.LossKind))]
    [InlineData(typeof(Precision), typeof(Model.PrecisionKind))]
    [InlineData(typeof(Init), typeof(Model.InitKind))]
    [InlineData(typeof(OptimizerKind), typeof(Model.OptimizerKind))]
    public void Generator_enum_mirrors_the_runtime_enum(Type runtime, Type generator)
    {
        Assert.Equal(Enum.GetNames(runtime), Enum.GetNames(generator));
        Assert.Equal(
            Array.ConvertAll((int[])Enum.GetValuesAsUnderlyingType(runtime), v => v),
            Array.ConvertAll((int[])Enum.GetValuesAsUnderlyingType(generator), v => v));
    }
}
