using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Every activation struct in NetGen.dll, found by reflection so that a new one is covered the day it
/// is added: its Vector128, Vector256 and Vector512 forms equal its scalar form lane for lane, forward
/// and backward; its backward pass is the chain rule through its forward one (central finite
/// differences in double); and the dispatch from <see cref="Activation"/> reaches the struct of the
/// same name, for every member of the enum but Softmax.
/// </summary>
public sealed class ActivationContractTests
{
    public static TheoryData<string> Activations() => new(ActivationStructs.ByName.Keys.Order());

    [Fact]
    public void Every_activation_but_Softmax_has_its_struct_and_no_struct_is_left_over()
    {
        string[] expected = Enum.GetNames<Activation>().Where(name => name != nameof(Activation.Softmax)).Order().ToArray();

        Assert.Equal(expected, ActivationStructs.ByName.Keys.Order().ToArray());
    }

    [Theory, MemberData(nameof(Activations))]
    public void Float_widths_agree_with_the_scalar_form_and_the_dispatch(string activation) => Run(nameof(CheckWidthsAndDispatch), activation, typeof(float));

    [Theory, MemberData(nameof(Activations))]
    public void Double_widths_agree_with_the_scalar_form_and_the_dispatch(string activation) => Run(nameof(CheckWidthsAndDispatch), activation, typeof(double));

    [Theory, MemberData(nameof(Activations))]
    public void Backward_is_the_chain_rule_through_forward(string activation) => Run(nameof(CheckFiniteDifferences), activation, typeof(double));

    private static void Run(string check, string activation, Type t)
    {
        Type structType = ActivationStructs.ByName[activation].MakeGenericType(t);
        typeof(ActivationContractTests).GetMethod(check, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t, structType).Invoke(null, [Enum.Parse<Activation>(activation)]);
    }

    private static void CheckWidthsAndDispatch<T, TActivation>(Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        T argument = T.CreateChecked(0.25);   // LeakyReLU's slope; the others ignore it
        var data = new TestData(11 + (int)activation);
        int lanes = Vector512<T>.Count;
        for (int round = 0; round < 20; round++)
        {
            var (x, _) = KernelTestData.Random<T>(data, lanes, scale: 6.0);
            x[0] = T.Zero;
            if (round == 1)
            {
                // The ends, in the lanes of every width: infinities, far tails, a subnormal, and NaN, which every form
                // carries through as PyTorch's activations do (a batch's rows run in vectors and its tail in scalars).
                T[] ends = [T.PositiveInfinity, T.NegativeInfinity, T.CreateTruncating(-40.0), T.CreateTruncating(40.0), T.Epsilon, -T.Epsilon, T.NaN];
                for (int k = 0; k < Math.Min(ends.Length, lanes - 1); k++)
                    x[k + 1] = ends[k];
            }
            var (d, _) = KernelTestData.Random<T>(data, lanes);
            T[] y = x.Select(v => TActivation.Forward(v, argument)).ToArray();
            T[] forward = y;
            T[] backward = x.Select((v, k) => TActivation.Backward(v, y[k], d[k], argument)).ToArray();

            Assert.Equal(forward, Lanes(TActivation.Forward(Vector512.Create(x), Vector512.Create(argument))));
            Assert.Equal(forward[..Vector256<T>.Count], Lanes(TActivation.Forward(Vector256.Create(x), Vector256.Create(argument))));
            Assert.Equal(forward[..Vector128<T>.Count], Lanes(TActivation.Forward(Vector128.Create(x), Vector128.Create(argument))));
            Assert.Equal(backward, Lanes(TActivation.Backward(Vector512.Create(x), Vector512.Create(y), Vector512.Create(d), Vector512.Create(argument))));
            Assert.Equal(backward[..Vector256<T>.Count], Lanes(TActivation.Backward(Vector256.Create(x), Vector256.Create(y), Vector256.Create(d), Vector256.Create(argument))));
            Assert.Equal(backward[..Vector128<T>.Count], Lanes(TActivation.Backward(Vector128.Create(x), Vector128.Create(y), Vector128.Create(d), Vector128.Create(argument))));

            // The dispatch from the enum reaches this struct: the kernels that take an Activation compute the same values.
            Assert.Equal(forward, x.Select(v => NetGen.Kernels.Activations.Apply(v, activation, argument)).ToArray());
            Assert.Equal(forward, Lanes(NetGen.Kernels.Activations.Apply(Vector512.Create(x), activation, argument)));
            var values = (T[])x.Clone();
            NetGen.Kernels.Activations.Forward<T>(values, activation, argument);
            Assert.Equal(forward, values);
            var outOfPlace = new T[x.Length];
            NetGen.Kernels.Activations.Forward<T>(x, outOfPlace, activation, argument);
            Assert.Equal(forward, outOfPlace);
            // From the pre-activation and the output, which serves every activation, whatever its derivative reads.
            var fromBoth = (T[])d.Clone();
            NetGen.Kernels.Activations.Backward<T>(x, y, fromBoth, activation, argument);
            Assert.Equal(backward, fromBoth);
            if (TActivation.DerivativeSource == DerivativeSource.Output)
            {
                T[] fromOutput = x.Select((_, k) => TActivation.Backward(T.Zero, y[k], d[k], argument)).ToArray();
                Assert.Equal(backward, fromOutput);
                var gradient = (T[])d.Clone();
                NetGen.Kernels.Activations.Backward<T>(y, gradient, activation, argument);
                Assert.Equal(backward, gradient);
            }
        }
    }

    private static void CheckFiniteDifferences<T, TActivation>(Activation activation)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : IActivation<T>
    {
        const double h = 1e-6;
        double argument = 0.25;
        foreach (double x in new[] { -7.5, -3.1, -1.2, -0.4, -0.05, 0.03, 0.3, 0.9, 2.2, 4.7, 8.3 })
        {
            double Forward(double v) => double.CreateChecked(TActivation.Forward(T.CreateChecked(v), T.CreateChecked(argument)));
            double numeric = (Forward(x + h) - Forward(x - h)) / (2 * h);
            double y = Forward(x);
            double analytic = double.CreateChecked(TActivation.Backward(T.CreateChecked(x), T.CreateChecked(y), T.One, T.CreateChecked(argument)));

            Assert.True(Math.Abs(analytic - numeric) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"{activation} at {x}: backward gives {analytic}, finite differences {numeric}");
        }
    }

    private static T[] Lanes<T>(Vector128<T> v) => Enumerable.Range(0, Vector128<T>.Count).Select(i => v.GetElement(i)).ToArray();

    private static T[] Lanes<T>(Vector256<T> v) => Enumerable.Range(0, Vector256<T>.Count).Select(i => v.GetElement(i)).ToArray();

    private static T[] Lanes<T>(Vector512<T> v) => Enumerable.Range(0, Vector512<T>.Count).Select(i => v.GetElement(i)).ToArray();
}
