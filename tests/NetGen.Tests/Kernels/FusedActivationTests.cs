using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The forward product with its element-wise activation applied as the product completes its blocks of rows
/// (<see cref="Dense.Forward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, bool, Activation, T)"/>)
/// gives, bit for bit, the product alone followed by the activation value by value: every value activated once, the
/// panels' blocks, the odd columns, the narrow columns a last vector overlaps, the rows past the blocks of four, the
/// deep products summed in slices and the few rows that sweep a large B. Over weights input-major and panel by panel,
/// on each kind of core (so the class runs alone, in <see cref="VectorPipesProductTests"/>' collection).
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class FusedActivationTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 7, 5 }, { 3, 33, 10 }, { 4, 20, 16 }, { 5, 17, 66 }, { 8, 64, 64 }, { 13, 300, 130 }, { 24, 129, 192 },
        { 37, 40, 272 }, { 64, 256, 256 }, { 130, 1030, 96 }, { 130, 784, 256 }, { 16, 1024, 1024 }, { 9, 5, 2 }, { 30, 70, 36 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void Every_value_is_activated_once_as_by_a_pass_after_the_product(int batch, int inSize, int outSize)
    {
        foreach (bool halved in (bool[])[false, true])
        {
            VectorPipesProductTests.AsCore(halved, () =>
            {
                foreach (Activation activation in (Activation[])[Activation.ReLU, Activation.LeakyReLU, Activation.Tanh, Activation.SiLU, Activation.Identity])
                {
                    double argument = activation == Activation.LeakyReLU ? 0.2 : 0;
                    Check<float>(batch, inSize, outSize, activation, argument, halved);
                    Check<double>(batch, inSize, outSize, activation, argument, halved);
                }
            });
        }
    }

    [Fact]
    public void Softmax_and_wrong_sizes_are_refused()
    {
        float[] x = new float[2 * 3], w = new float[3 * 4], bias = new float[4], z = new float[2 * 4];
        Assert.Throws<ArgumentException>(() => Dense.Forward<float>(x, w, bias, z, 2, 3, 4, panels: false, Activation.Softmax));
        Assert.Throws<ArgumentException>(() => Dense.Forward<float>(x, w, bias, new float[7], 2, 3, 4, panels: false, Activation.ReLU));
        Assert.Throws<ArgumentException>(() => Dense.Forward<float>(x, new float[11], bias, z, 2, 3, 4, panels: false, Activation.ReLU));
    }

    private static void Check<T>(int batch, int inSize, int outSize, Activation activation, double argument, bool halved)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(batch * 1000 + inSize + outSize);
        T[] Values(int count, double scale)
        {
            var values = new T[count];
            for (int k = 0; k < count; k++)
                values[k] = T.CreateChecked((random.NextDouble() * 2 - 1) * scale);
            return values;
        }
        T[] x = Values(batch * inSize, 1), w = Values(inSize * outSize, 1 / Math.Sqrt(inSize)), bias = Values(outSize, 0.5);
        T a = T.CreateChecked(argument);
        foreach (bool panels in (bool[])[false, true])
        {
            if (panels && !NetGen.Kernels.Layout.HoldsPanels<T>(outSize))
                continue;
            T[] weights = (T[])w.Clone();
            if (panels)
                NetGen.Kernels.Layout.ToPanels<T>(weights, inSize, outSize);
            var expected = new T[batch * outSize];
            Dense.Forward<T>(x, weights, bias, expected, batch, inSize, outSize, panels);
            for (int k = 0; k < expected.Length; k++)
                expected[k] = Reference(expected[k], activation, a);
            var fused = new T[batch * outSize];
            Dense.Forward<T>(x, weights, bias, fused, batch, inSize, outSize, panels, activation, a);
            for (int k = 0; k < expected.Length; k++)
            {
                if (!fused[k].Equals(expected[k]))
                    Assert.Fail($"{typeof(T).Name} {activation}, batch {batch}, {inSize} -> {outSize}, panels {panels}, halved {halved}: "
                        + $"row {k / outSize}, column {k % outSize} is {fused[k]}, where the product and then the activation give {expected[k]}");
            }
        }
    }

    /// <summary>The activation of one value: ReLU and LeakyReLU written out, the others as the activation's own scalar form.</summary>
    private static T Reference<T>(T x, Activation activation, T argument) where T : unmanaged, IBinaryFloatingPointIeee754<T> => activation switch
    {
        Activation.ReLU => x > T.Zero ? x : T.Zero,
        Activation.LeakyReLU => x > T.Zero ? x : x * argument,
        _ => NetGen.Kernels.Activations.Apply(x, activation, argument),
    };
}
