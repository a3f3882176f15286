using System;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The loss kernels against the definitions of the losses in double, over every row size from 1 to
/// five vectors and three, at batches of 1, 2, 3, 13 and 33: the mean loss each returns and the gradient
/// each writes. Some logits are ±60, where a naive log(σ(z)) or e^z would lose everything.
/// </summary>
public class LossKernelTests
{
    public static TheoryData<int> Batches => KernelTestData.BatchData;

    [Theory, MemberData(nameof(Batches))]
    public void FloatMeanSquaredErrorMatchesScalarReference(int batch) => CheckMeanSquaredError<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleMeanSquaredErrorMatchesScalarReference(int batch) => CheckMeanSquaredError<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatSigmoidBinaryCrossEntropyMatchesScalarReference(int batch) => CheckSigmoidBinaryCrossEntropy<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleSigmoidBinaryCrossEntropyMatchesScalarReference(int batch) => CheckSigmoidBinaryCrossEntropy<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatSoftmaxCrossEntropyMatchesScalarReference(int batch) => CheckSoftmaxCrossEntropy<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleSoftmaxCrossEntropyMatchesScalarReference(int batch) => CheckSoftmaxCrossEntropy<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatSoftmaxCrossEntropyFromLabelsMatchesScalarReference(int batch) => CheckSoftmaxCrossEntropyFromLabels<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleSoftmaxCrossEntropyFromLabelsMatchesScalarReference(int batch) => CheckSoftmaxCrossEntropyFromLabels<double>(batch);

    /// <summary>
    /// Enough rows that their sums' product passes the limit several times, each time logged and restarted, and that
    /// the rows of a few classes fill several blocks of vectors.
    /// </summary>
    [Fact]
    public void FloatSoftmaxCrossEntropyFromLabelsOverManyRows() => CheckSoftmaxCrossEntropyFromLabels<float>(300);

    [Fact]
    public void DoubleSoftmaxCrossEntropyFromLabelsOverManyRows() => CheckSoftmaxCrossEntropyFromLabels<double>(300);

    /// <summary>Σ (y − t)² / n and 2(y − t) / n over all n = batch·size values.</summary>
    private static void CheckMeanSquaredError<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(300 + batch);
        foreach (int size in KernelTestData.VectorizedSizes<T>())
        {
            int n = batch * size;
            var (y, yd) = KernelTestData.Random<T>(data, n);
            var (t, td) = KernelTestData.Random<T>(data, n);
            var gradient = new GuardedBuffer<T>(n);

            T loss = Losses.MeanSquaredError<T>(y, t, gradient.Span);

            double expectedLoss = 0;
            var expected = new double[n];
            var magnitude = new double[n];
            for (int k = 0; k < n; k++)
            {
                expectedLoss += (yd[k] - td[k]) * (yd[k] - td[k]) / n;
                expected[k] = 2 * (yd[k] - td[k]) / n;
                magnitude[k] = 2 * (Math.Abs(yd[k]) + Math.Abs(td[k])) / n;
            }
            AssertLoss<T>(loss, expectedLoss, n, $"Losses.MeanSquaredError<{typeof(T).Name}> batch {batch}, size {size}", gradient, expected, magnitude);
        }
    }

    /// <summary>
    /// −Σ [t·log σ(z) + (1 − t)·log(1 − σ(z))] / n, with log σ(z) = −softplus(−z) and
    /// log(1 − σ(z)) = −softplus(z); the gradient at the logits is (σ(z) − t) / n.
    /// </summary>
    private static void CheckSigmoidBinaryCrossEntropy<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(400 + batch);
        foreach (int size in KernelTestData.VectorizedSizes<T>())
        {
            int n = batch * size;
            var (z, zd) = KernelTestData.Random<T>(data, n, scale: 4.0);
            for (int k = 5; k < n; k += 11)
                (z[k], zd[k]) = k % 2 == 0 ? (T.CreateChecked(60), 60.0) : (T.CreateChecked(-60), -60.0);
            T[] t = new T[n];
            double[] td = new double[n];
            for (int k = 0; k < n; k++)
            {
                // Hard labels and soft targets both.
                t[k] = k % 3 == 0 ? T.CreateChecked(data.Uniform(0, 1)) : T.CreateChecked(data.Integer(2));
                td[k] = double.CreateChecked(t[k]);
            }
            var gradient = new GuardedBuffer<T>(n);

            T loss = Losses.SigmoidBinaryCrossEntropy<T>(z, t, gradient.Span);

            double expectedLoss = 0;
            var expected = new double[n];
            var magnitude = new double[n];
            for (int k = 0; k < n; k++)
            {
                expectedLoss += (td[k] * Softplus(-zd[k]) + (1 - td[k]) * Softplus(zd[k])) / n;
                double sigmoid = 1 / (1 + Math.Exp(-zd[k]));
                expected[k] = (sigmoid - td[k]) / n;
                magnitude[k] = (sigmoid + td[k]) / n;
            }
            AssertLoss<T>(loss, expectedLoss, n, $"Losses.SigmoidBinaryCrossEntropy<{typeof(T).Name}> batch {batch}, size {size}", gradient, expected, magnitude);
        }
    }

    /// <summary>
    /// −Σₛ Σⱼ t·log softmax(z)ⱼ / batch, with log softmax(z)ⱼ = zⱼ − log Σₖ e^zₖ; the gradient at the
    /// logits is (softmax(z)·Σt − t) / batch. Rows alternate between one-hot and probability targets.
    /// </summary>
    private static void CheckSoftmaxCrossEntropy<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(500 + batch);
        foreach (int classes in KernelTestData.VectorizedSizes<T>())
        {
            int n = batch * classes;
            var (z, zd) = LogitsWithAHugeRow<T>(data, batch, classes);
            var td = new double[n];
            for (int s = 0; s < batch; s++)
            {
                if (s % 2 == 0)
                {
                    td[s * classes + data.Integer(classes)] = 1;
                    continue;
                }
                double sum = 0;
                for (int j = 0; j < classes; j++)
                    sum += td[s * classes + j] = data.Uniform(0.01, 1);
                for (int j = 0; j < classes; j++)
                    td[s * classes + j] /= sum;
            }
            T[] t = Array.ConvertAll(td, T.CreateChecked);
            td = Array.ConvertAll(t, double.CreateChecked);
            var gradient = new GuardedBuffer<T>(n);

            T loss = Losses.SoftmaxCrossEntropy<T>(z, t, gradient.Span, batch, classes);

            double expectedLoss = 0;
            var expected = new double[n];
            var magnitude = new double[n];
            for (int s = 0; s < batch; s++)
            {
                double max = double.NegativeInfinity, sumExp = 0, targetSum = 0;
                for (int j = 0; j < classes; j++)
                    max = Math.Max(max, zd[s * classes + j]);
                for (int j = 0; j < classes; j++)
                {
                    sumExp += Math.Exp(zd[s * classes + j] - max);
                    targetSum += td[s * classes + j];
                }
                double logSumExp = max + Math.Log(sumExp);
                for (int j = 0; j < classes; j++)
                {
                    int k = s * classes + j;
                    expectedLoss -= td[k] * (zd[k] - logSumExp) / batch;
                    double p = Math.Exp(zd[k] - logSumExp);
                    expected[k] = (p * targetSum - td[k]) / batch;
                    magnitude[k] = (p * targetSum + td[k]) / batch;
                }
            }
            AssertLoss<T>(loss, expectedLoss, n, $"Losses.SoftmaxCrossEntropy<{typeof(T).Name}> batch {batch}, classes {classes}", gradient, expected, magnitude);
        }
    }

    /// <summary>
    /// −Σₛ log softmax(z)_c / meanOver for each row's label c, and the gradient (softmax(z) − onehot(c)) / meanOver,
    /// with meanOver larger than the batch as for one chunk of a larger batch; also, bit for bit, what the
    /// target-row kernel computes from the same labels as one-hot rows.
    /// </summary>
    private static void CheckSoftmaxCrossEntropyFromLabels<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(600 + batch);
        int meanOver = batch + 2;
        foreach (int classes in KernelTestData.VectorizedSizes<T>())
        {
            int n = batch * classes;
            var (z, zd) = LogitsWithAHugeRow<T>(data, batch, classes);
            var labels = new int[batch];
            var oneHot = new T[n];
            for (int s = 0; s < batch; s++)
            {
                labels[s] = data.Integer(classes);
                oneHot[s * classes + labels[s]] = T.One;
            }
            var gradient = new GuardedBuffer<T>(n);

            T loss = Losses.SoftmaxCrossEntropy<T>(z, labels, gradient.Span, batch, classes, meanOver);

            double expectedLoss = 0;
            var expected = new double[n];
            var magnitude = new double[n];
            for (int s = 0; s < batch; s++)
            {
                double max = double.NegativeInfinity, sumExp = 0;
                for (int j = 0; j < classes; j++)
                    max = Math.Max(max, zd[s * classes + j]);
                for (int j = 0; j < classes; j++)
                    sumExp += Math.Exp(zd[s * classes + j] - max);
                double logSumExp = max + Math.Log(sumExp);
                expectedLoss += (logSumExp - zd[s * classes + labels[s]]) / meanOver;
                for (int j = 0; j < classes; j++)
                {
                    int k = s * classes + j;
                    double p = Math.Exp(zd[k] - logSumExp), t = j == labels[s] ? 1 : 0;
                    expected[k] = (p - t) / meanOver;
                    magnitude[k] = (p + t) / meanOver;
                }
            }
            string what = $"Losses.SoftmaxCrossEntropy<{typeof(T).Name}> from labels, batch {batch}, classes {classes}";
            // A row whose label wins by far has a loss near 0 that is log of a sum near 1: its error is
            // that of the sum, a few ulps of 1, not a few ulps of the loss.
            double epsilon = typeof(T) == typeof(float) ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53);
            double rowError = 4 * epsilon * (1 + Math.Log(classes));
            Close.Value(double.CreateChecked(loss), expectedLoss, Math.Max(KernelTestData.Tolerance<T>(), 2 * n * epsilon), what + ", loss", absolute: rowError * batch / meanOver);
            KernelTestData.AssertClose(gradient.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what + ", gradient");
            gradient.AssertGuardsIntact(what + ", gradient");

            var fromRows = new T[n];
            T lossFromRows = Losses.SoftmaxCrossEntropy<T>(z, oneHot, fromRows, batch, classes, meanOver);
            Assert.Equal(lossFromRows, loss);
            Assert.Equal(fromRows, gradient.Span.ToArray());
        }
    }

    /// <summary>
    /// The loss is a sum of n positive terms, so it may carry up to n roundings; each gradient value
    /// is a handful of operations on one or two values.
    /// </summary>
    private static void AssertLoss<T>(T loss, double expectedLoss, int n, string what, GuardedBuffer<T> gradient, double[] expected, double[] magnitude)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double epsilon = typeof(T) == typeof(float) ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53);
        double lossTolerance = Math.Max(KernelTestData.Tolerance<T>(), 2 * n * epsilon);
        Close.Value(double.CreateChecked(loss), expectedLoss, lossTolerance, what + ", loss");
        KernelTestData.AssertClose(gradient.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what + ", gradient");
        gradient.AssertGuardsIntact(what + ", gradient");
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    /// <summary>
    /// Random logits, [batch, classes], whose second row (when there is one) is huge, where e^z
    /// overflows without the max shift; with the same values in double.
    /// </summary>
    private static (T[] Values, double[] Exact) LogitsWithAHugeRow<T>(TestData data, int batch, int classes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (z, _) = KernelTestData.Random<T>(data, batch * classes, scale: 3.0);
        if (batch > 1)
            for (int j = 0; j < classes; j++)
                z[classes + j] = T.CreateChecked(60 + 10 * data.Normal());
        return (z, Array.ConvertAll(z, double.CreateChecked));
    }
}
