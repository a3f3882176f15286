using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Kernels;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// AlignedArray holds its length in zeros from a 64-byte boundary, through a compacting collection; a network's
/// gradient and every state array of its optimizer are such arrays, so that two threads updating halves split on a
/// multiple of 16 floats never write to one cache line.
/// </summary>
public class AlignedArrayTests
{
    [Theory, MemberData(nameof(AlignmentTests.Lengths), MemberType = typeof(AlignmentTests))]
    public void FloatsStartOnACacheLineAndHoldTheirLengthInZeros(int length) => AssertAlignedZeros<float>(length);

    [Theory, MemberData(nameof(AlignmentTests.Lengths), MemberType = typeof(AlignmentTests))]
    public void DoublesStartOnACacheLineAndHoldTheirLengthInZeros(int length) => AssertAlignedZeros<double>(length);

    [Fact]
    public void ASliceIsThatPartOfTheSpan()
    {
        var array = new AlignedArray<float>(100);
        for (int i = 0; i < 100; i++)
            array.Span[i] = i;
        Assert.Equal(Enumerable.Range(30, 20).Select(i => (float)i), array.Slice(30, 20).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => array.Slice(90, 11));
    }

    [Fact]
    public void ANetworksGradientStartsOnACacheLine()
    {
        // Several networks, so that the arrays fall at different places.
        for (int k = 0; k < 4; k++)
        {
            var net = new NamedModulesNet(seed: k);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            Assert.Equal(0, AddressOf(ref MemoryMarshal.GetReference(NetworkTraining<float>.Of(net)!.Gradients)) % Alignment.Bytes);
        }
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.RmsProp)]
    public void EachStateArrayOfAnOptimizerStartsOnACacheLine(OptimizerKind kind)
    {
        // Every state array the optimizer can use: AMSGrad's maximum, SGD's momentum, RMSprop's centered average and momentum.
        var optimizer = new OptimizerDescription(kind, 1e-3) { AmsGrad = kind == OptimizerKind.Adam, Momentum = kind == OptimizerKind.Adam ? 0 : 0.9, Centered = kind == OptimizerKind.RmsProp };
        for (int k = 0; k < 4; k++)
        {
            var state = new OptimizerState<float>(new OptimizerSettings<float>(optimizer), 1000 + k);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var arrays = state.Arrays.ToArray();
            Assert.Equal(kind == OptimizerKind.Sgd ? 1 : 3, arrays.Length);
            foreach (var (name, values) in arrays)
            {
                Assert.Equal(1000 + k, values.Length);
                Assert.True(AddressOf(ref MemoryMarshal.GetReference(values.Span)) % Alignment.Bytes == 0, $"{name} is off a cache line.");
            }
        }
    }

    private static void AssertAlignedZeros<T>(int length) where T : unmanaged, IEquatable<T>
    {
        for (int k = 0; k < 8; k++)
        {
            var array = new AlignedArray<T>(length);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            Assert.Equal(length, array.Length);
            Assert.Equal(length, array.Span.Length);
            Assert.All(array.Span.ToArray(), value => Assert.Equal(default, value));
            if (length > 0)
                Assert.Equal(0, AddressOf(ref MemoryMarshal.GetReference(array.Span)) % Alignment.Bytes);
        }
    }

    private static long AddressOf<T>(ref T element) => Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref element);
}
