using System;
using System.Linq;
using System.Reflection;
using NetGen.CompiledWeights.Tests.Networks;
using Xunit;

namespace NetGen.CompiledWeights.Tests;

/// <summary>
/// The compiled parameters are data in the assembly's image, which the runtime reads in place: the compiler
/// stores a ReadOnlySpan over a constant array as a field with an RVA, of exactly the parameters' bytes, and the
/// property that gives it only wraps that field (RuntimeHelpers.CreateSpan), with no array made on each call.
/// </summary>
public sealed class CompiledDataTests
{
    [Theory]
    [InlineData(typeof(Named784BF16FloatNet), sizeof(float))]
    [InlineData(typeof(NamedF64DoubleNet), sizeof(double))]
    public void The_parameters_are_a_field_of_the_image_of_exactly_their_size(Type network, int elementSize)
    {
        int parameters = (int)network.GetField("ParameterCount")!.GetValue(null)!;
        Type details = network.Assembly.GetType("<PrivateImplementationDetails>")!;

        FieldInfo[] data = [.. details.GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.Attributes.HasFlag(FieldAttributes.HasFieldRVA) && f.FieldType.StructLayoutAttribute?.Size == parameters * elementSize)];

        Assert.NotEmpty(data);
    }

    [Theory]
    [InlineData(typeof(Named784BF16FloatNet))]
    [InlineData(typeof(NamedF64DoubleNet))]
    public void The_data_property_wraps_the_image_without_making_an_array(Type network)
    {
        MethodInfo getter = network.GetProperty("CompiledParameters", BindingFlags.Static | BindingFlags.NonPublic)!.GetMethod!;
        byte[] il = getter.GetMethodBody()!.GetILAsByteArray()!;

        // ldtoken <field>; call CreateSpan<T>; ret: 11 bytes. An array made on each call would take newarr, dup,
        // ldtoken, call InitializeArray and newobj ReadOnlySpan: 22 bytes at least.
        Assert.True(il.Length <= 16, $"{il.Length} bytes of IL");
        Assert.Contains("CreateSpan", Enumerable.Range(0, il.Length - 4).Where(i => il[i] == 0x28).Select(i => Called(getter.Module, BitConverter.ToInt32(il, i + 1))));
    }

    private static string Called(Module module, int token)
    {
        try
        {
            return module.ResolveMethod(token)?.Name ?? "";
        }
        catch (ArgumentException)
        {
            return "";
        }
    }
}
