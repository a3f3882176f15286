using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Architecture = NetGen.Tests.Support.Architecture;
using Xunit;

namespace NetGen.Tests.Initialization;

/// <summary>
/// A seed fixes a network completely: two instances from one seed start bit for bit alike and stay
/// alike through the same training, whatever else runs in between; different seeds start apart.
/// </summary>
public class DeterminismTests
{
    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void FloatNetworkIsDeterminedBySeed(string network) => AssertDeterminedBySeed(NetworkCatalog.FloatNamed(network));

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void DoubleNetworkIsDeterminedBySeed(string network) => AssertDeterminedBySeed(NetworkCatalog.DoubleNamed(network));

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void FloatNetworkTrainsIdenticallyFromOneSeed(string network) => AssertTrainsIdentically(NetworkCatalog.FloatNamed(network));

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void DoubleNetworkTrainsIdenticallyFromOneSeed(string network) => AssertTrainsIdentically(NetworkCatalog.DoubleNamed(network));

    /// <summary>
    /// Instances own their scratch, so two trained at once on two threads end exactly where one
    /// trained alone does; shared static scratch would make them trample each other.
    /// </summary>
    [Theory]
    [InlineData(nameof(FloatCrossEntropyNet))]
    [InlineData(nameof(AdamFloatNet))]
    public void InstancesTrainedConcurrentlyMatchOneTrainedAlone(string network)
    {
        NetworkCase<float> @case = NetworkCatalog.FloatNamed(network);
        INetwork<float> alone = @case.Create(seed: 1);
        Train(alone, @case.Architecture, steps: 200, dataSeed: 5);

        INetwork<float>[] concurrent = [@case.Create(seed: 1), @case.Create(seed: 1)];
        using var start = new System.Threading.Barrier(concurrent.Length);
        var threads = Array.ConvertAll(concurrent, n => new System.Threading.Thread(() =>
        {
            start.SignalAndWait();
            Train(n, @case.Architecture, steps: 200, dataSeed: 5);
        }));
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        foreach (INetwork<float> n in concurrent)
            Assert.True(Bits(Export(n)).SequenceEqual(Bits(Export(alone))), "An instance trained beside another ended elsewhere than one trained alone.");
    }

    [Fact]
    public void SpiralNetworkIsDeterminedBySeed()
    {
        Assert.True(Bits(new SpiralNet(5).Parameters).SequenceEqual(Bits(new SpiralNet(5).Parameters)));
        Assert.False(Bits(new SpiralNet(5).Parameters).SequenceEqual(Bits(new SpiralNet(6).Parameters)));
    }

    private static void AssertDeterminedBySeed<T>(NetworkCase<T> @case) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] first = Export(@case.Create(seed: 42)), second = Export(@case.Create(seed: 42));
        Assert.True(Bits(first).SequenceEqual(Bits(second)), "Two instances from seed 42 start with different parameters.");
        foreach (int other in new[] { 0, 43, -42 })
            Assert.False(Bits(first).SequenceEqual(Bits(Export(@case.Create(other)))), $"Seeds 42 and {other} give the same parameters.");
    }

    /// <summary>
    /// The second instance is made after the first has trained, and the two are then stepped in
    /// turn, so that state shared between instances (static scratch, say) would show as a difference.
    /// </summary>
    private static void AssertTrainsIdentically<T>(NetworkCase<T> @case) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Architecture architecture = @case.Architecture;
        INetwork<T> first = @case.Create(seed: 9);
        Train(first, architecture, steps: 10, dataSeed: 1);
        INetwork<T> second = @case.Create(seed: 9);
        Train(second, architecture, steps: 10, dataSeed: 1);
        Assert.True(Bits(Export(first)).SequenceEqual(Bits(Export(second))), "The same ten steps from the same seed end with different parameters.");

        for (int round = 0; round < 5; round++)
        {
            Train(first, architecture, steps: 1, dataSeed: 100 + round);
            Train(second, architecture, steps: 1, dataSeed: 100 + round);
        }
        Assert.True(Bits(Export(first)).SequenceEqual(Bits(Export(second))), "Interleaved steps on two instances end with different parameters.");
    }

    /// <summary>Steps on batches of varying size, alternating target rows and labels.</summary>
    private static void Train<T>(INetwork<T> network, Architecture architecture, int steps, int dataSeed)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(dataSeed);
        for (int step = 0; step < steps; step++)
        {
            int batch = 1 + step % 4 * 3;
            T[] inputs = Convert<T>(data.Normals(batch * architecture.InputSize));
            if (step % 2 == 1)
                network.TrainStep(inputs, data.Labels(architecture, batch));
            else
                network.TrainStep(inputs, Convert<T>(data.Targets(architecture, batch)));
        }
    }

    private static T[] Convert<T>(double[] values) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Array.ConvertAll(values, T.CreateChecked);

    private static T[] Export<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }

    private static ReadOnlySpan<byte> Bits<T>(ReadOnlySpan<T> values) where T : unmanaged => MemoryMarshal.AsBytes(values);

    private static ReadOnlySpan<byte> Bits<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan());

    private static ReadOnlySpan<byte> Bits<T>(Span<T> values) where T : unmanaged => MemoryMarshal.AsBytes(values);
}
