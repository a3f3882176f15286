using System;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The optimizer kernels against the PyTorch update rules of <see cref="ReferenceOptimizer"/>, three
/// steps over every parameter count from 1 to five vectors and three, writing nowhere but the
/// parameters and state they are given.
/// </summary>
public class OptimizerKernelTests
{
    public static TheoryData<string> Optimizers => new("Sgd", "SgdMomentum", "SgdNesterovDecay", "Adam", "AdamWAmsGrad", "RmsProp", "RmsPropCenteredMomentum");

    [Theory, MemberData(nameof(Optimizers))]
    public void FloatOptimizerMatchesReference(string optimizer) => Check<float>(optimizer);

    [Theory, MemberData(nameof(Optimizers))]
    public void DoubleOptimizerMatchesReference(string optimizer) => Check<double>(optimizer);

    private static void Check<T>(string optimizer) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(optimizer.Length);
        foreach (int n in KernelTestData.VectorizedSizes<T>())
        {
            var (initial, expected) = KernelTestData.Random<T>(data, n);
            var parameters = new GuardedBuffer<T>(n).CopyFrom(initial);
            var state = new[] { new GuardedBuffer<T>(n, T.Zero), new GuardedBuffer<T>(n, T.Zero), new GuardedBuffer<T>(n, T.Zero) };
            T lr = T.CreateChecked(0.05);
            ReferenceOptimizer reference = optimizer switch
            {
                "Sgd" => new ReferenceSgd(0.05),
                "SgdMomentum" => new ReferenceSgd(0.05, momentum: 0.9, dampening: 0.1),
                "SgdNesterovDecay" => new ReferenceSgd(0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01),
                "Adam" => new ReferenceAdam(0.05, weightDecay: 0.01),
                "AdamWAmsGrad" => new ReferenceAdam(0.05, beta1: 0.8, beta2: 0.9, epsilon: 1e-6, weightDecay: 0.1, decoupled: true, amsGrad: true),
                "RmsProp" => new ReferenceRmsProp(0.05, weightDecay: 0.01),
                "RmsPropCenteredMomentum" => new ReferenceRmsProp(0.05, alpha: 0.9, epsilon: 1e-6, momentum: 0.5, centered: true),
                _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, null),
            };

            for (int step = 1; step <= 3; step++)
            {
                var (gradients, exactGradients) = KernelTestData.Random<T>(data, n);
                Span<T> p = parameters.Span, s0 = state[0].Span, s1 = state[1].Span, s2 = state[2].Span;
                switch (optimizer)
                {
                    case "Sgd": NetGen.Kernels.Optimizers.Sgd<T>(p, gradients, default, lr, T.Zero, T.Zero, false, T.Zero, step == 1); break;
                    case "SgdMomentum": NetGen.Kernels.Optimizers.Sgd<T>(p, gradients, s0, lr, C<T>(0.9), C<T>(0.1), false, T.Zero, step == 1); break;
                    case "SgdNesterovDecay": NetGen.Kernels.Optimizers.Sgd<T>(p, gradients, s0, lr, C<T>(0.9), T.Zero, true, C<T>(0.01), step == 1); break;
                    case "Adam": NetGen.Kernels.Optimizers.Adam<T>(p, gradients, s0, s1, default, lr, C<T>(0.9), C<T>(0.999), C<T>(1e-8), C<T>(0.01), false, false, step); break;
                    case "AdamWAmsGrad": NetGen.Kernels.Optimizers.Adam<T>(p, gradients, s0, s1, s2, lr, C<T>(0.8), C<T>(0.9), C<T>(1e-6), C<T>(0.1), true, true, step); break;
                    case "RmsProp": NetGen.Kernels.Optimizers.RmsProp<T>(p, gradients, s0, default, default, lr, C<T>(0.99), C<T>(1e-8), T.Zero, false, C<T>(0.01)); break;
                    case "RmsPropCenteredMomentum": NetGen.Kernels.Optimizers.RmsProp<T>(p, gradients, s0, s1, s2, lr, C<T>(0.9), C<T>(1e-6), C<T>(0.5), true, T.Zero); break;
                }
                reference.Apply(expected, exactGradients);

                string what = $"Optimizers.{optimizer}<{typeof(T).Name}>, {n} parameters, step {step}";
                // Each update is a few operations on one value; state rounding in T compounds a little over steps,
                // and the hyperparameters themselves are rounded to T. The absolute part is for parameters near 0.
                bool single = typeof(T) == typeof(float);
                KernelTestData.AssertRelative(parameters.ToDouble(), expected, single ? 1e-5 : 1e-13, what, absolute: single ? 1e-6 : 1e-14);
                parameters.AssertGuardsIntact(what);
                foreach (GuardedBuffer<T> buffer in state)
                    buffer.AssertGuardsIntact(what + ", state");
            }
        }
    }

    private static T C<T>(double value) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateChecked(value);
}
