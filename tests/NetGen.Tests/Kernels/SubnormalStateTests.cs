using System;
using System.Numerics;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Optimizer state whose gradient stops: after one step with a gradient, every later gradient is zero, and with
/// every decay rate at 0.5 each state value halves a step, exactly, until it would fall below T's normal range,
/// where it must be stored as zero rather than as a subnormal (which would stick a few steps above zero and slow
/// every later step). Expected values come from the halving itself: the value after the first step, from its
/// formula, times 2^-(t-1).
/// </summary>
public class SubnormalStateTests
{
    public static TheoryData<string> Optimizers => new("SgdMomentum", "Adam", "RmsPropCenteredMomentum");

    [Theory, MemberData(nameof(Optimizers))]
    public void FloatStateFallsToZeroNotToSubnormals(string optimizer) => Check<float>(optimizer);

    [Theory, MemberData(nameof(Optimizers))]
    public void DoubleStateFallsToZeroNotToSubnormals(string optimizer) => Check<double>(optimizer);

    [Fact]
    public void FloatAmsGradMaximumIsStoredAsZeroBelowTheNormalRange() => CheckAmsGradMaximum<float>(1e-20);

    [Fact]
    public void DoubleAmsGradMaximumIsStoredAsZeroBelowTheNormalRange() => CheckAmsGradMaximum<double>(1e-160);

    /// <summary>
    /// AMSGrad's running maximum of v never decays, so it is subnormal only when every v was: a gradient of
    /// <paramref name="gradient"/> gives (1 − β2)·g² below T's normal range, so v and its maximum are stored as zero.
    /// </summary>
    private static void CheckAmsGradMaximum<T>(double gradient) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double smallestNormal = SmallestNormal<T>();
        Assert.True(0.5 * gradient * gradient < smallestNormal / 2 && gradient * gradient > 0);
        foreach (int n in KernelTestData.VectorizedSizes<T>())
        {
            var parameters = new T[n];
            var gradients = new T[n];
            for (int k = 0; k < n; k++)
                gradients[k] = T.CreateChecked(k % 2 == 0 ? gradient : -gradient);
            T[] m = new T[n], v = new T[n], maximum = new T[n];
            T half = T.CreateChecked(0.5);
            for (int step = 1; step <= 3; step++)
            {
                NetGen.Kernels.Optimizers.Adam<T>(parameters, gradients, m, v, maximum, T.CreateChecked(0.01), T.CreateChecked(0.9), half,
                    T.CreateChecked(1e-6), T.Zero, false, true, step);
                for (int k = 0; k < n; k++)
                {
                    string what = $"AMSGrad<{typeof(T).Name}>, {n} parameters, parameter {k}, step {step}";
                    Assert.True(v[k] == T.Zero, $"{what}: v is {v[k]}");
                    Assert.True(maximum[k] == T.Zero, $"{what}: the maximum of v is {maximum[k]}");
                    Assert.False(T.IsSubnormal(m[k]), $"{what}: m is {m[k]}");
                }
            }
        }
    }

    /// <summary>The smallest normal value of T, from IEEE 754's exponent ranges: 2⁻¹²⁶ in float, 2⁻¹⁰²² in double.</summary>
    private static double SmallestNormal<T>() => typeof(T) == typeof(float) ? Math.ScaleB(1.0, -126) : Math.ScaleB(1.0, -1022);

    private static void Check<T>(string optimizer) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(optimizer.Length + 17);
        double smallestNormal = SmallestNormal<T>();
        // Enough halvings to take a value near 1 past the bottom of the normal range, and some steps beyond.
        int steps = (typeof(T) == typeof(float) ? 126 : 1022) + 8;
        T half = T.CreateChecked(0.5), lr = T.CreateChecked(0.01), epsilon = T.CreateChecked(1e-6);
        foreach (int n in KernelTestData.VectorizedSizes<T>())
        {
            var parameters = new T[n];
            var first = new double[n];
            var state = new[] { new T[n], new T[n], new T[n] };
            // The state after the first step, from each optimizer's formula with its rates at 0.5, per array.
            var afterFirst = new[] { new double[n], new double[n], new double[n] };
            for (int k = 0; k < n; k++)
            {
                // Gradients of either sign from 0.5 to 1 in size, rounded to T first.
                double g = double.CreateChecked(T.CreateChecked(data.Uniform(0.5, 1.0) * (k % 2 == 0 ? 1 : -1)));
                first[k] = g;
                parameters[k] = T.CreateChecked(data.Uniform(-1, 1));
                double squared = double.CreateChecked(T.CreateChecked(g) * T.CreateChecked(g));
                switch (optimizer)
                {
                    case "SgdMomentum":
                        afterFirst[0][k] = g; // b = g on the first step
                        break;
                    case "Adam":
                        afterFirst[0][k] = 0.5 * g; // m = (1 − β1)·g
                        afterFirst[1][k] = 0.5 * squared; // v = (1 − β2)·g²
                        break;
                    default:
                        double square = 0.5 * squared, mean = 0.5 * g; // s = (1 − α)·g², ḡ = (1 − α)·g
                        afterFirst[0][k] = square;
                        afterFirst[1][k] = mean;
                        afterFirst[2][k] = g / (Math.Sqrt(square - mean * mean) + 1e-6); // b = g / (√(s − ḡ²) + ε)
                        break;
                }
            }
            int arrays = optimizer switch { "SgdMomentum" => 1, "Adam" => 2, _ => 3 };
            for (int step = 1; step <= steps; step++)
            {
                var gradients = new T[n];
                if (step == 1)
                    for (int k = 0; k < n; k++)
                        gradients[k] = T.CreateChecked(first[k]);
                switch (optimizer)
                {
                    case "SgdMomentum":
                        NetGen.Kernels.Optimizers.Sgd<T>(parameters, gradients, state[0], lr, half, T.Zero, false, T.Zero, step == 1);
                        break;
                    case "Adam":
                        NetGen.Kernels.Optimizers.Adam<T>(parameters, gradients, state[0], state[1], default, lr, half, half, epsilon, T.Zero,
                            false, false, step);
                        break;
                    default:
                        NetGen.Kernels.Optimizers.RmsProp<T>(parameters, gradients, state[0], state[1], state[2], lr, half, epsilon, half, true, T.Zero);
                        break;
                }
                for (int a = 0; a < arrays; a++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        T stored = state[a][k];
                        double expected = Math.ScaleB(afterFirst[a][k], -(step - 1));
                        string what = $"{optimizer}<{typeof(T).Name}>, {n} parameters, state array {a}, parameter {k}, step {step}: expected {expected:R}, stored {stored}";
                        Assert.False(T.IsSubnormal(stored), what);
                        if (Math.Abs(expected) < smallestNormal / 2)
                            Assert.True(stored == T.Zero, what);
                        else if (Math.Abs(expected) >= 2 * smallestNormal)
                            Assert.True(Math.Abs(double.CreateChecked(stored) - expected) <= 1e-6 * Math.Abs(expected), what);
                    }
                }
                foreach (T p in parameters)
                    Assert.True(T.IsFinite(p), $"{optimizer}<{typeof(T).Name}>, step {step}: a parameter is {p}");
            }
        }
    }
}
