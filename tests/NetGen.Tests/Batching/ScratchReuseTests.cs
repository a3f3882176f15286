using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Architecture = NetGen.Tests.Support.Architecture;
using Xunit;

namespace NetGen.Tests.Batching;

/// <summary>
/// Scratch space grows to the largest batch seen and is then reused for smaller ones. A network
/// that has just run a batch of 33 must treat a batch of 3 exactly as a fresh instance does: to
/// the bit, since both run the same code on the same values, so nothing of the large batch may
/// leak into the small one (stale rows, sums over the whole buffer, a wrong slice).
/// </summary>
public class ScratchReuseTests
{
    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void FloatNetworkAfterLargeBatchMatchesFreshInstance(string network) => AssertSmallBatchUnaffected(NetworkCatalog.FloatNamed(network));

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void DoubleNetworkAfterLargeBatchMatchesFreshInstance(string network) => AssertSmallBatchUnaffected(NetworkCatalog.DoubleNamed(network));

    private static void AssertSmallBatchUnaffected<T>(NetworkCase<T> @case) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Architecture architecture = @case.Architecture;
        var data = new TestData(33);
        INetwork<T> used = @case.Create(seed: 3), fresh = @case.Create(seed: 3);
        T[] large = Convert<T>(data.Normals(33 * architecture.InputSize, scale: 3));
        used.ComputeGradients(large, Convert<T>(data.Targets(architecture, 33)));
        used.Forward(large, new T[33 * architecture.OutputSize]);

        T[] small = Convert<T>(data.Normals(3 * architecture.InputSize));
        T[] targets = Convert<T>(data.Targets(architecture, 3));
        int[] labels = data.Labels(architecture, 3);
        foreach (INetwork<T> network in new[] { used, fresh })
            Assert.Equal(architecture.ParameterCount, network.ParameterCount);

        Assert.True(Bits(Run(used, small, targets, labels)).SequenceEqual(Bits(Run(fresh, small, targets, labels))),
            "After a batch of 33, a batch of 3 gives different outputs, losses or gradients than on a fresh instance.");
    }

    /// <summary>The outputs, both losses and both gradients of a batch, end to end in one array.</summary>
    private static T[] Run<T>(INetwork<T> network, T[] inputs, T[] targets, int[] labels) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int outputs = labels.Length * network.OutputSize, count = network.ParameterCount;
        var result = new T[outputs + 2 + 2 * count];
        network.Forward(inputs, result.AsSpan(0, outputs));
        result[outputs] = network.ComputeGradients(inputs, targets);
        network.ExportGradients(result.AsSpan(outputs + 2, count));
        result[outputs + 1] = network.ComputeGradients(inputs, labels);
        network.ExportGradients(result.AsSpan(outputs + 2 + count, count));
        return result;
    }

    private static T[] Convert<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Array.ConvertAll(values, T.CreateChecked);

    private static ReadOnlySpan<byte> Bits<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan());
}
