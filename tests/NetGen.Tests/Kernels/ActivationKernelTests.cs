using System;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The activation kernels and their backward passes against the textbook formulas in double, over
/// every row size from 1 to five vectors and three, at batches of 1, 2, 3, 13 and 33 (a batch is
/// batch·size values in a row for the elementwise kernels, and batch rows for Softmax).
/// </summary>
public class ActivationKernelTests
{
    public static TheoryData<string, int> ForwardCases => Cases("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax");

    public static TheoryData<string, int> BackwardCases => Cases("SigmoidBackward", "TanhBackward", "ReLUBackward", "LeakyReLUBackward", "SoftmaxBackward");

    [Theory, MemberData(nameof(ForwardCases))]
    public void FloatActivationMatchesScalarReference(string kernel, int batch) => CheckForward<float>(kernel, batch);

    [Theory, MemberData(nameof(ForwardCases))]
    public void DoubleActivationMatchesScalarReference(string kernel, int batch) => CheckForward<double>(kernel, batch);

    [Theory, MemberData(nameof(BackwardCases))]
    public void FloatActivationBackwardMatchesScalarReference(string kernel, int batch) => CheckBackward<float>(kernel, batch);

    [Theory, MemberData(nameof(BackwardCases))]
    public void DoubleActivationBackwardMatchesScalarReference(string kernel, int batch) => CheckBackward<double>(kernel, batch);

    private static void CheckForward<T>(string kernel, int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(kernel.Length * 100 + batch);
        foreach (int size in KernelTestData.VectorizedSizes<T>())
        {
            // Wide enough to saturate Sigmoid and Tanh; every seventh value exactly 0, the kink of the ReLUs.
            var (values, z) = KernelTestData.Random<T>(data, batch * size, scale: 4.0);
            for (int k = 0; k < z.Length; k += 7)
                (values[k], z[k]) = (T.Zero, 0.0);
            var buffer = new GuardedBuffer<T>(values.Length).CopyFrom(values);

            double[] expected;
            double[] magnitude;
            double absolute = 0;
            switch (kernel)
            {
                case "Sigmoid":
                    Activations.Forward(buffer.Span, Activation.Sigmoid);
                    magnitude = Array.ConvertAll(expected = Array.ConvertAll(z, v => 1 / (1 + Math.Exp(-v))), Math.Abs);
                    // Outputs live in (0, 1): an error of one unit in the last place of 1 is as close as T gets near 1.
                    absolute = KernelTestData.Epsilon<T>();
                    break;
                case "Tanh":
                    Activations.Forward(buffer.Span, Activation.Tanh);
                    magnitude = Array.ConvertAll(expected = Array.ConvertAll(z, Math.Tanh), Math.Abs);
                    absolute = KernelTestData.Epsilon<T>();
                    break;
                case "ReLU":
                    Activations.Forward(buffer.Span, Activation.ReLU);
                    magnitude = Array.ConvertAll(expected = Array.ConvertAll(z, v => v > 0 ? v : 0), Math.Abs);
                    break;
                case "LeakyReLU":
                    Activations.Forward(buffer.Span, Activation.LeakyReLU);
                    magnitude = Array.ConvertAll(expected = Array.ConvertAll(z, v => v > 0 ? v : 0.01 * v), Math.Abs);
                    break;
                case "Softmax":
                    Activations.Softmax(buffer.Span, batch, size);
                    expected = Softmax(z, batch, size);
                    // e^(z − m) in T: the rounding of z − m alone moves it by |z − m| units in the last place.
                    magnitude = new double[expected.Length];
                    for (int s = 0; s < batch; s++)
                    {
                        double max = double.NegativeInfinity;
                        for (int j = 0; j < size; j++)
                            max = Math.Max(max, z[s * size + j]);
                        for (int j = 0; j < size; j++)
                            magnitude[s * size + j] = expected[s * size + j] * (1 + Math.Abs(z[s * size + j] - max));
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kernel), kernel, null);
            }

            string what = $"Activations.{kernel}<{typeof(T).Name}> batch {batch}, size {size}";
            // One value, one rounding, but Exp and Tanh are approximations a few units in the last place off.
            double tolerance = typeof(T) == typeof(float) ? 1e-6 : 1e-14;
            KernelTestData.AssertClose(buffer.ToDouble(), expected, magnitude, tolerance, what, absolute);
            buffer.AssertGuardsIntact(what);
        }
    }

    private static void CheckBackward<T>(string kernel, int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(kernel.Length * 1000 + batch);
        foreach (int size in KernelTestData.VectorizedSizes<T>())
        {
            int n = batch * size;
            var (d, dd) = KernelTestData.Random<T>(data, n);
            // a is the activation's output, so it is drawn from the activation's range.
            double[] ad = new double[n];
            for (int k = 0; k < n; k++)
            {
                double z = 3 * data.Normal();
                ad[k] = kernel switch
                {
                    "SigmoidBackward" => 1 / (1 + Math.Exp(-z)),
                    "TanhBackward" => Math.Tanh(z),
                    "ReLUBackward" => k % 7 == 0 ? 0 : Math.Max(z, 0),
                    "LeakyReLUBackward" => k % 7 == 0 ? 0 : z > 0 ? z : 0.01 * z,
                    _ => z,
                };
            }
            if (kernel == "SoftmaxBackward")
                ad = Softmax(ad, batch, size);
            T[] a = Array.ConvertAll(ad, T.CreateChecked);
            ad = Array.ConvertAll(a, double.CreateChecked);
            var buffer = new GuardedBuffer<T>(n).CopyFrom(d);

            var expected = new double[n];
            var magnitude = new double[n];
            switch (kernel)
            {
                case "SigmoidBackward":
                    Activations.Backward<T>(a, buffer.Span, Activation.Sigmoid);
                    for (int k = 0; k < n; k++)
                        magnitude[k] = Math.Abs(expected[k] = dd[k] * ad[k] * (1 - ad[k]));
                    break;
                case "TanhBackward":
                    Activations.Backward<T>(a, buffer.Span, Activation.Tanh);
                    for (int k = 0; k < n; k++)
                    {
                        expected[k] = dd[k] * (1 - ad[k] * ad[k]);
                        magnitude[k] = Math.Abs(dd[k]) * (1 + ad[k] * ad[k]);
                    }
                    break;
                case "ReLUBackward":
                    Activations.Backward<T>(a, buffer.Span, Activation.ReLU);
                    for (int k = 0; k < n; k++)
                        magnitude[k] = Math.Abs(expected[k] = ad[k] > 0 ? dd[k] : 0);
                    break;
                case "LeakyReLUBackward":
                    Activations.Backward<T>(a, buffer.Span, Activation.LeakyReLU);
                    for (int k = 0; k < n; k++)
                        magnitude[k] = Math.Abs(expected[k] = ad[k] > 0 ? dd[k] : 0.01 * dd[k]);
                    break;
                case "SoftmaxBackward":
                    // dz_j = Σ_k d_k ∂a_k/∂z_j = a_j (d_j − Σ_k a_k d_k).
                    Activations.SoftmaxBackward<T>(a, buffer.Span, batch, size);
                    for (int s = 0; s < batch; s++)
                    {
                        double dot = 0, dotMagnitude = 0;
                        for (int k = s * size; k < (s + 1) * size; k++)
                        {
                            dot += ad[k] * dd[k];
                            dotMagnitude += Math.Abs(ad[k] * dd[k]);
                        }
                        for (int j = s * size; j < (s + 1) * size; j++)
                        {
                            expected[j] = ad[j] * (dd[j] - dot);
                            magnitude[j] = ad[j] * (Math.Abs(dd[j]) + dotMagnitude);
                        }
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kernel), kernel, null);
            }

            string what = $"Activations.{kernel}<{typeof(T).Name}> batch {batch}, size {size}";
            KernelTestData.AssertClose(buffer.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
            buffer.AssertGuardsIntact(what);
        }
    }

    /// <summary>Row by row, e^(z − max) / Σ e^(z − max).</summary>
    internal static double[] Softmax(double[] z, int batch, int size)
    {
        var result = new double[z.Length];
        for (int s = 0; s < batch; s++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j < size; j++)
                max = Math.Max(max, z[s * size + j]);
            for (int j = 0; j < size; j++)
                sum += result[s * size + j] = Math.Exp(z[s * size + j] - max);
            for (int j = 0; j < size; j++)
                result[s * size + j] /= sum;
        }
        return result;
    }

    private static TheoryData<string, int> Cases(params string[] kernels)
    {
        var data = new TheoryData<string, int>();
        foreach (string kernel in kernels)
            foreach (int batch in KernelTestData.Batches)
                data.Add(kernel, batch);
        return data;
    }
}
