using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The activation operator structs in NetGen.dll, found by reflection so that the tests over them cover
/// a new one the day it is added, by the name of the Activation each stands for.
/// </summary>
internal static class ActivationStructs
{
    /// <summary>Each struct (an open generic <c>{Name}Activation&lt;T&gt;</c>) by its activation's name.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = typeof(IActivation<>).Assembly.GetTypes()
        .Where(type => type.IsValueType && type.IsGenericTypeDefinition
            && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IActivation<>)))
        .ToDictionary(type => type.Name[..type.Name.IndexOf("Activation`", StringComparison.Ordinal)]);
}
