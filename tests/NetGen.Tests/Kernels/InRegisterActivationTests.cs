using System;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The register forms the generated one-sample path calls: <c>Activations.Apply</c> on a value and on a
/// vector of each width gives, lane for lane, the bits the batch activation kernels give (which
/// <see cref="ActivationKernelTests"/> holds to the textbook formulas), and <c>Activations.SoftmaxOne</c>
/// gives the textbook softmax on the row's lanes and 0 past them. Misuse is an ArgumentException.
/// </summary>
public class InRegisterActivationTests
{
    public static TheoryData<Activation> ElementwiseActivations => new(Enum.GetValues<Activation>().Where(a => a != Activation.Softmax));

    [Theory, MemberData(nameof(ElementwiseActivations))]
    public void FloatApplyMatchesTheBatchKernel(Activation activation) => CheckApply<float>(activation);

    [Theory, MemberData(nameof(ElementwiseActivations))]
    public void DoubleApplyMatchesTheBatchKernel(Activation activation) => CheckApply<double>(activation);

    [Fact]
    public void FloatSoftmaxOneMatchesTheTextbookOnEveryRowSize() => CheckSoftmaxOne<float>();

    [Fact]
    public void DoubleSoftmaxOneMatchesTheTextbookOnEveryRowSize() => CheckSoftmaxOne<double>();

    [Fact]
    public void ApplyRejectsSoftmaxWhichSpansARowAndAValueThatIsNoActivation()
    {
        var error = Assert.Throws<ArgumentException>("activation", () => Activations.Apply(Vector512<float>.One, (Activation)99));
        Assert.Contains("expected a member of Activation other than Softmax", error.Message);
        Assert.Throws<ArgumentException>("activation", () => Activations.Apply(1f, Activation.Softmax));
        Assert.Throws<ArgumentException>("activation", () => Activations.Apply(Vector128<float>.One, Activation.Softmax));
        Assert.Throws<ArgumentException>("activation", () => Activations.Apply(Vector256<double>.One, Activation.Softmax));
        Assert.Throws<ArgumentException>("activation", () => Activations.Apply(Vector512<float>.One, Activation.Softmax));
    }

    [Fact]
    public void SoftmaxOneRejectsARowThatIsEmptyOrLongerThanTheVector()
    {
        var tooLong = new float[Vector128<float>.Count + 1];
        var error = Assert.Throws<ArgumentException>("stored", () => Activations.SoftmaxOne(Vector128<float>.One, tooLong));
        Assert.Contains($"expected from 1 to {Vector128<float>.Count}", error.Message);
        Assert.Throws<ArgumentException>("stored", () => Activations.SoftmaxOne(Vector256<float>.One, ReadOnlySpan<float>.Empty));
        Assert.Throws<ArgumentException>("stored", () => Activations.SoftmaxOne(Vector512<double>.One, new double[Vector512<double>.Count + 1]));
    }

    private static void CheckApply<T>(Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(31 + (int)activation);
        int lanes = Vector512<T>.Count;
        // Spread over both of tanh's forms (|x| below and above 0.55) and both signs, with an exact 0
        // (the kink of the ReLUs) in lane 1.
        var (values, _) = KernelTestData.Random<T>(data, lanes, scale: 4.0);
        values[1] = T.Zero;
        T[] expected = values.ToArray();
        BatchKernel<T>(activation, expected);

        T[] scalar = values.Select(v => Activations.Apply(v, activation)).ToArray();
        var v128 = new T[lanes];
        var v256 = new T[lanes];
        var v512 = new T[lanes];
        for (int k = 0; k < lanes; k += Vector128<T>.Count)
            Activations.Apply(Vector128.Create<T>(values.AsSpan(k)), activation).CopyTo(v128, k);
        for (int k = 0; k < lanes; k += Vector256<T>.Count)
            Activations.Apply(Vector256.Create<T>(values.AsSpan(k)), activation).CopyTo(v256, k);
        Activations.Apply(Vector512.Create<T>(values), activation).CopyTo(v512, 0);

        Assert.Equal(expected, scalar);
        Assert.Equal(expected, v128);
        Assert.Equal(expected, v256);
        Assert.Equal(expected, v512);
    }

    private static void BatchKernel<T>(Activation activation, Span<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Activations.Forward(values, activation);
    }

    private static void CheckSoftmaxOne<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(57);
        for (int size = 1; size <= Vector512<T>.Count; size++)
        {
            // Lanes past the row hold a large value, which must neither win the shift nor join the sum.
            var (row, exact) = KernelTestData.Random<T>(data, size, scale: 8.0);
            T[] lanes = Enumerable.Repeat(T.CreateChecked(1000), Vector512<T>.Count).ToArray();
            row.CopyTo(lanes, 0);
            double[] expected = TextbookSoftmax(exact);

            AssertSoftmaxOneAtEveryWidth(lanes, row, expected);
            if (size == 1)
                continue;
            // A last value far above the first overflows the exponential of the shift by the first,
            // which sends the row through its maximum, read from the stored row.
            double far = typeof(T) == typeof(float) ? 150 : 1000;
            exact[^1] = exact[0] + far;
            row[^1] = lanes[size - 1] = T.CreateChecked(exact[^1]);
            AssertSoftmaxOneAtEveryWidth(lanes, row, TextbookSoftmax(exact));
        }
    }

    private static void AssertSoftmaxOneAtEveryWidth<T>(T[] lanes, T[] row, double[] expected) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (row.Length <= Vector128<T>.Count)
            AssertSoftmax(Activations.SoftmaxOne(Vector128.Create<T>(lanes), row), expected, "Vector128");
        if (row.Length <= Vector256<T>.Count)
            AssertSoftmax(Activations.SoftmaxOne(Vector256.Create<T>(lanes), row), expected, "Vector256");
        AssertSoftmax(Activations.SoftmaxOne(Vector512.Create<T>(lanes), row), expected, "Vector512");
    }

    private static void AssertSoftmax<T>(Vector128<T> result, double[] expected, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => AssertSoftmax(Enumerable.Range(0, Vector128<T>.Count).Select(k => result[k]).ToArray(), expected, what);

    private static void AssertSoftmax<T>(Vector256<T> result, double[] expected, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => AssertSoftmax(Enumerable.Range(0, Vector256<T>.Count).Select(k => result[k]).ToArray(), expected, what);

    private static void AssertSoftmax<T>(Vector512<T> result, double[] expected, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => AssertSoftmax(Enumerable.Range(0, Vector512<T>.Count).Select(k => result[k]).ToArray(), expected, what);

    private static void AssertSoftmax<T>(T[] lanes, double[] expected, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double[] row = lanes.Take(expected.Length).Select(double.CreateChecked).ToArray();
        KernelTestData.AssertRelative(row, expected, KernelTestData.Tolerance<T>(), $"SoftmaxOne in a {what} of {expected.Length}",
            absolute: double.CreateChecked(T.Epsilon)); // what underflows T's smallest subnormal is 0
        for (int k = expected.Length; k < lanes.Length; k++)
            Assert.True(lanes[k] == T.Zero, $"SoftmaxOne in a {what} of {expected.Length}: lane {k} past the row is {lanes[k]}, expected 0");
    }

    private static double[] TextbookSoftmax(double[] z)
    {
        double max = z.Max();
        double[] e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
