using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Adam's update as either kind of core runs it (<see cref="VectorPipes"/>): at 512 bits on a core with full-width
/// 512-bit pipes, at the runtime's preferred width on one that splits them in halves. Each parameter must get the bits
/// a plain loop gives it, one parameter at a time, whatever the width and wherever the parameter lies (in a vector or
/// in the tail).
/// </summary>
[Collection(nameof(VectorPipesProductTests))]
public sealed class AdamWidthTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Each_parameter_gets_the_bits_of_a_plain_loop_as_either_kind_of_core(bool halved, bool decoupledAmsGrad)
    {
        const float learningRate = 0.05f, beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f, weightDecay = 0.01f;
        var random = new Random(7);
        foreach (int n in (int[])[1, 7, 8, 15, 16, 17, 31, 33, 100, 1000])
        {
            float[] Values(float scale)
            {
                var values = new float[n];
                for (int k = 0; k < n; k++)
                    values[k] = (float)(random.NextDouble() * 2 - 1) * scale;
                return values;
            }
            float[] parameters = Values(1), expected = (float[])parameters.Clone();
            float[] m = new float[n], v = new float[n], vMax = new float[n];
            float[] mExpected = new float[n], vExpected = new float[n], vMaxExpected = new float[n];
            for (long step = 1; step <= 3; step++)
            {
                float[] gradients = Values(step == 2 ? 1e-20f : 1);
                VectorPipesProductTests.AsCore(halved, () => Optimizers.Adam<float>(parameters, gradients, m, v, decoupledAmsGrad ? vMax : default,
                    learningRate, beta1, beta2, epsilon, weightDecay, decoupledAmsGrad, decoupledAmsGrad, step));
                PlainAdam(expected, gradients, mExpected, vExpected, vMaxExpected, learningRate, beta1, beta2, epsilon, weightDecay, decoupledAmsGrad, step);
                string what = $"{n} parameters, step {step}, {(halved ? "halved" : "full-width")} 512-bit pipes";
                AssertBits(expected, parameters, what + ", parameters");
                AssertBits(mExpected, m, what + ", first moments");
                AssertBits(vExpected, v, what + ", second moments");
                if (decoupledAmsGrad)
                    AssertBits(vMaxExpected, vMax, what + ", their maxima");
            }
        }
    }

    /// <summary>
    /// PyTorch's Adam one parameter at a time, with the bias corrections in double and folded into the step size and
    /// epsilon as its capturable form does, and moments that would be subnormal stored as zero
    /// (docs/threads-and-values.md).
    /// </summary>
    private static void PlainAdam(float[] parameters, float[] gradients, float[] m, float[] v, float[] vMax, float learningRate,
        float beta1, float beta2, float epsilon, float weightDecay, bool decoupledAmsGrad, long step)
    {
        double correction2Root = Math.Sqrt(1.0 - Math.Pow(beta2, step));
        float stepSize = (float)(learningRate / (1.0 - Math.Pow(beta1, step)) * correction2Root);
        float scaledEpsilon = (float)(epsilon * correction2Root);
        for (int k = 0; k < parameters.Length; k++)
        {
            float p = parameters[k], g = gradients[k];
            if (decoupledAmsGrad)
                p *= 1 - learningRate * weightDecay;
            else
                g += weightDecay * p;
            float first = m[k] + (1 - beta1) * (g - m[k]);
            float second = beta2 * v[k] + (1 - beta2) * g * g;
            m[k] = float.IsSubnormal(first) ? 0 : first;
            v[k] = float.IsSubnormal(second) ? 0 : second;
            if (decoupledAmsGrad)
            {
                second = Math.Max(vMax[k], second);
                vMax[k] = float.IsSubnormal(second) ? 0 : second;
            }
            parameters[k] = p - stepSize * (first / (MathF.Sqrt(second) + scaledEpsilon));
        }
    }

    private static void AssertBits(float[] expected, float[] actual, string what)
    {
        for (int k = 0; k < expected.Length; k++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[k]) == BitConverter.SingleToInt32Bits(actual[k]),
                $"{what}: element {k} is {actual[k]:R}, a plain loop gives {expected[k]:R}");
    }
}
