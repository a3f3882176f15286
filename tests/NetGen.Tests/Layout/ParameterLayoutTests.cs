using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Layout;

/// <summary>
/// Parameters and Gradients are live views of the network's storage in its own layout; the
/// canonical order of Export/Import is a rearrangement of the same values, with nothing lost,
/// duplicated or converted on the way. (That the rearrangement is PyTorch's order is the reference
/// comparison's business.) The storage, and the private rows of one sample's layer outputs, start on a
/// cache line, where the kernels' vector loads and stores never straddle two.
/// </summary>
public class ParameterLayoutTests
{
    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void FloatCanonicalOrderIsARearrangementOfTheStorage(string network) => AssertLayout(NetworkCatalog.FloatNamed(network));

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void DoubleCanonicalOrderIsARearrangementOfTheStorage(string network) => AssertLayout(NetworkCatalog.DoubleNamed(network));

    private static void AssertLayout<T>(NetworkCase<T> @case) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> network = @case.Create();
        int count = network.ParameterCount;
        var data = new TestData(count);
        Assert.Equal(count, network.Parameters.Length);
        Assert.Equal(count, network.Gradients.Length);

        // Distinct values, so that a rearrangement can be told from a copy that repeats or drops one.
        T[] canonical = Enumerable.Range(0, count).Select(k => T.CreateChecked(k + 0.25)).OrderBy(_ => data.Integer(int.MaxValue)).ToArray();
        network.ImportParameters(canonical);
        var exported = new T[count];
        network.ExportParameters(exported);
        Assert.Equal(canonical, exported);
        Assert.Equal(canonical.Order(), network.Parameters.ToArray().Order());

        // Writing through the Parameters span is writing the network: one canonical value changes.
        T replaced = network.Parameters[count - 1];
        network.Parameters[count - 1] = T.CreateChecked(-7.5);
        network.ExportParameters(exported);
        int[] changed = Enumerable.Range(0, count).Where(k => exported[k] != canonical[k]).ToArray();
        Assert.Single(changed);
        Assert.Equal(replaced, canonical[changed[0]]);
        Assert.Equal(T.CreateChecked(-7.5), exported[changed[0]]);

        var inputs = new T[2 * network.InputSize];
        inputs.AsSpan().Fill(T.CreateChecked(0.001));
        network.ImportParameters(Array.ConvertAll(data.Parameters(@case.Architecture), T.CreateChecked));
        network.ComputeGradients(inputs, Array.ConvertAll(data.Targets(@case.Architecture, 2), T.CreateChecked));
        var gradients = new T[count];
        network.ExportGradients(gradients);
        Assert.Equal(gradients.Order(), network.Gradients.ToArray().Order());
    }

    [Theory]
    [MemberData(nameof(FloatNetworks))]
    public void FloatParametersStartOnACacheLine(string network) => AssertAligned(NetworkCatalog.FloatNamed(network));

    [Theory]
    [MemberData(nameof(DoubleNetworks))]
    public void DoubleParametersStartOnACacheLine(string network) => AssertAligned(NetworkCatalog.DoubleNamed(network));

    private static void AssertAligned<T>(NetworkCase<T> @case) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> network = @case.Create();
        // A compacting collection in between: the storage must be where it was, since it is pinned.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(network.Parameters));
        Assert.Equal(0, address % 64);

        // One sample's rows live in the calling thread's inference scratch, made by its first call.
        network.Predict(new T[network.InputSize]);
        object scratch = network.GetType().GetProperty("Inference", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var sample = (T[])scratch.GetType().GetField("Sample")!.GetValue(scratch)!;
        int origin = (int)scratch.GetType().GetField("SampleOrigin")!.GetValue(scratch)!;
        address = Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref sample[origin]);
        Assert.Equal(0, address % 64);
    }
}
