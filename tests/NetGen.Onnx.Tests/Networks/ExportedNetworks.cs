using System;
using System.Linq;
using System.Numerics;
using Xunit;

namespace NetGen.Onnx.Tests.Networks;

/// <summary>
/// Every network compiled into this assembly (those of NetGen.Tests' catalog, linked in), by name for
/// xunit, in float or double; each is made with trained-looking parameters rather than its initial ones.
/// </summary>
public static class ExportedNetworks
{
    public static TheoryData<string> Float => Names<float>();

    public static TheoryData<string> Double => Names<double>();

    /// <summary>The types of every network of element type <typeparamref name="T"/>, in name order.</summary>
    public static Type[] Types<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(ExportedNetworks).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(INetwork<T>).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The network named <paramref name="name"/>, from seed 7, with every parameter moved by up to ±0.25 so that
    /// the biases are not all zero as they start.
    /// </summary>
    public static INetwork<T> Create<T>(string name) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Type type = Types<T>().Single(t => t.Name == name);
        var network = (INetwork<T>)Activator.CreateInstance(type, 7)!;
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        var random = new Random(11);
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] += T.CreateTruncating(random.NextDouble() * 0.5 - 0.25);
        network.ImportParameters(parameters);
        return network;
    }

    /// <summary>
    /// <paramref name="batch"/> input rows of uniform values whose range widens row by row, from ±1 to ±<paramref name="widest"/>,
    /// so that a batch reaches the saturated tails of the activations (and, at ±40, Softplus's threshold at 20) as well as zero.
    /// </summary>
    public static T[] Inputs<T>(int inputSize, int batch, double widest, int seed) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var inputs = new T[inputSize * batch];
        for (int r = 0; r < batch; r++)
        {
            double range = batch == 1 ? widest : 1 + (widest - 1) * r / (batch - 1);
            for (int i = 0; i < inputSize; i++)
                inputs[r * inputSize + i] = T.CreateTruncating((random.NextDouble() * 2 - 1) * range);
        }
        return inputs;
    }

    private static TheoryData<string> Names<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        new(Types<T>().Select(t => t.Name));
}
