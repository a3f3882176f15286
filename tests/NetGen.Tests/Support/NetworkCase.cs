using System;
using System.Numerics;

namespace NetGen.Tests.Support;

/// <summary>A declared network that theories run over: how to make one, and what the test believes it is.</summary>
public sealed class NetworkCase<T>(string name, Func<int, INetwork<T>> create, Architecture architecture)
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public string Name { get; } = name;

    public Architecture Architecture { get; } = architecture;

    /// <summary>A new instance from <paramref name="seed"/>, after checking that it has the sizes the description says.</summary>
    public INetwork<T> Create(int seed = 0)
    {
        INetwork<T> network = create(seed);
        if (network.InputSize != Architecture.InputSize || network.OutputSize != Architecture.OutputSize
            || network.ParameterCount != Architecture.ParameterCount || network.Loss != Architecture.Loss)
            throw new InvalidOperationException(
                $"{Name}: the test describes it as {Architecture} with {Architecture.ParameterCount} parameters, but the network has "
                + $"InputSize {network.InputSize}, OutputSize {network.OutputSize}, ParameterCount {network.ParameterCount}, Loss {network.Loss}.");
        return network;
    }

    public override string ToString() => Name;
}
