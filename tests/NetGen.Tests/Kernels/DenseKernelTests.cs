using System;
using System.Numerics;
using System.Runtime.InteropServices;
using NetGen.Kernels;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>
/// Dense.Forward (and its halves by weight rows, added up), Dense.BackwardWeights (and its blocks of
/// rows) and Dense.BackwardInput against nested scalar loops in double,
/// for every output size from 1 to five vectors and three (the vectorized dimension), a few input
/// sizes, and batches of 1, 2, 3, 13 and 33. Weights are input-major, w[i, o] at i·outSize + o.
/// </summary>
public class DenseKernelTests
{
    private static readonly int[] InputSizes = [1, 2, 5, 9, 13];

    public static TheoryData<int> Batches => KernelTestData.BatchData;

    [Theory, MemberData(nameof(Batches))]
    public void FloatForwardMatchesScalarReference(int batch) => CheckForward<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleForwardMatchesScalarReference(int batch) => CheckForward<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatBackwardWeightsMatchesScalarReference(int batch) => CheckBackwardWeights<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleBackwardWeightsMatchesScalarReference(int batch) => CheckBackwardWeights<double>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void FloatBackwardInputMatchesScalarReference(int batch) => CheckBackwardInput<float>(batch);

    [Theory, MemberData(nameof(Batches))]
    public void DoubleBackwardInputMatchesScalarReference(int batch) => CheckBackwardInput<double>(batch);

    /// <summary><c>z[s, o] = bias[o] + Σᵢ x[s, i]·w[i, o]</c>.</summary>
    private static void CheckForward<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(batch);
        foreach (int inSize in InputSizes)
        foreach (int outSize in KernelTestData.VectorizedSizes<T>())
            CheckForward<T>(data, batch, inSize, outSize);
    }

    /// <summary>
    /// One case of <see cref="CheckForward{T}(int)"/>, on random values drawn from <paramref name="data"/>; with
    /// <paramref name="atPageEnds"/>, the input, the weights and the bias each end against a page the process cannot
    /// read (<see cref="PageEndMemory{T}"/>), so that a product reading past one of them stops the run.
    /// </summary>
    internal static void CheckForward<T>(TestData data, int batch, int inSize, int outSize, bool atPageEnds = false) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (xValues, xd) = KernelTestData.Random<T>(data, batch * inSize);
        var (wValues, wd) = KernelTestData.Random<T>(data, inSize * outSize);
        var (biasValues, bd) = KernelTestData.Random<T>(data, outSize);
        using var xEnd = atPageEnds ? new PageEndMemory<T>(xValues.Length).CopyFrom(xValues) : null;
        using var wEnd = atPageEnds ? new PageEndMemory<T>(wValues.Length).CopyFrom(wValues) : null;
        using var biasEnd = atPageEnds ? new PageEndMemory<T>(biasValues.Length).CopyFrom(biasValues) : null;
        ReadOnlySpan<T> x = xEnd is null ? xValues : xEnd.Span, w = wEnd is null ? wValues : wEnd.Span, bias = biasEnd is null ? biasValues : biasEnd.Span;
        var z = new GuardedBuffer<T>(batch * outSize);

        Dense.Forward<T>(x, w, bias, z.Span, batch, inSize, outSize);

        var (expected, magnitude) = KernelTestData.DenseForward(xd, wd, bd, batch, inSize, outSize);
        string where = atPageEnds ? ", spans at page ends" : "";
        string what = $"Dense.Forward<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}{where}";
        KernelTestData.AssertClose(z.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
        z.AssertGuardsIntact(what);

        // The same product in two halves of the weight rows (the first may be empty), added up.
        int half = inSize / 2;
        var first = new GuardedBuffer<T>(batch * outSize);
        var second = new GuardedBuffer<T>(batch * outSize);
        var sum = new GuardedBuffer<T>(batch * outSize);
        Dense.ForwardRows<T>(x, w, first.Span, batch, inSize, outSize, 0, half);
        Dense.ForwardRows<T>(x, w, second.Span, batch, inSize, outSize, half, inSize - half);
        Dense.AddProducts<T>(first.Span, second.Span, bias, sum.Span, batch, outSize);
        string halves = $"Dense.ForwardRows<{typeof(T).Name}> rows 0 + {half} and {half} + {inSize - half}, then AddProducts, batch {batch}, {inSize} -> {outSize}{where}";
        KernelTestData.AssertClose(sum.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), halves);
        first.AssertGuardsIntact(halves);
        second.AssertGuardsIntact(halves);
        sum.AssertGuardsIntact(halves);

        // The same product reading B's panels packed beforehand, where this kind of core packs any (a frozen network's
        // layers). Sentinels around the panels would enter the sums of a product reading past them.
        int packedColumns = MatrixProduct.PackedColumns<T>(outSize);
        if (packedColumns == 0)
            return;
        var panels = new GuardedBuffer<T>(packedColumns * inSize);
        MatrixProduct.PackPanels<T>(w, panels.Span, outSize, inSize);
        var fromPanels = new GuardedBuffer<T>(batch * outSize);
        MatrixProduct.Multiply(ref MemoryMarshal.GetReference(x), inSize, 1, ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(panels.Span),
            ref MemoryMarshal.GetReference(fromPanels.Span), ref MemoryMarshal.GetReference(bias), hasInit: true, batch, outSize, inSize);
        string packed = $"MatrixProduct.Multiply<{typeof(T).Name}> with {packedColumns} columns packed, batch {batch}, {inSize} -> {outSize}{where}";
        KernelTestData.AssertClose(fromPanels.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), packed);
        fromPanels.AssertGuardsIntact(packed);
        panels.AssertGuardsIntact(packed);
    }

    /// <summary><c>dw[i, o] = Σₛ x[s, i]·dz[s, o]</c>, <c>dBias[o] = Σₛ dz[s, o]</c>, overwriting what was there.</summary>
    private static void CheckBackwardWeights<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(100 + batch);
        foreach (int inSize in InputSizes)
        foreach (int outSize in KernelTestData.VectorizedSizes<T>())
            CheckBackwardWeights<T>(data, batch, inSize, outSize);
    }

    /// <summary>One case of <see cref="CheckBackwardWeights{T}(int)"/>, on random values drawn from <paramref name="data"/>.</summary>
    internal static void CheckBackwardWeights<T>(TestData data, int batch, int inSize, int outSize) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var (x, xd) = KernelTestData.Random<T>(data, batch * inSize);
        var (dz, dzd) = KernelTestData.Random<T>(data, batch * outSize);
        var dw = new GuardedBuffer<T>(inSize * outSize);
        var dBias = new GuardedBuffer<T>(outSize);

        Dense.BackwardWeights<T>(x, dz, dw.Span, dBias.Span, batch, inSize, outSize);

        var (expectedW, magnitudeW) = KernelTestData.WeightGradient(xd, dzd, batch, inSize, outSize);
        var expectedB = new double[outSize];
        var magnitudeB = new double[outSize];
        for (int s = 0; s < batch; s++)
            for (int o = 0; o < outSize; o++)
            {
                expectedB[o] += dzd[s * outSize + o];
                magnitudeB[o] += Math.Abs(dzd[s * outSize + o]);
            }
        string what = $"Dense.BackwardWeights<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}";
        KernelTestData.AssertClose(dw.ToDouble(), expectedW, magnitudeW, KernelTestData.Tolerance<T>(), what + ", weights");
        KernelTestData.AssertClose(dBias.ToDouble(), expectedB, magnitudeB, KernelTestData.Tolerance<T>(), what + ", bias");
        dw.AssertGuardsIntact(what + ", weights");
        dBias.AssertGuardsIntact(what + ", bias");

        // Blocks of rows, as threads compute them: the first row alone, the top half, the rest.
        foreach (var (firstRow, rowCount) in new[] { (0, 1), (0, inSize / 2), (inSize / 2, inSize - inSize / 2) })
        {
            var rows = new GuardedBuffer<T>(rowCount * outSize);
            Dense.BackwardWeightRows<T>(x, dz, rows.Span, batch, inSize, outSize, firstRow, rowCount);
            string block = $"Dense.BackwardWeightRows<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}, rows {firstRow} + {rowCount}";
            KernelTestData.AssertClose(rows.ToDouble(), expectedW[(firstRow * outSize)..((firstRow + rowCount) * outSize)],
                magnitudeW[(firstRow * outSize)..((firstRow + rowCount) * outSize)], KernelTestData.Tolerance<T>(), block);
            rows.AssertGuardsIntact(block);
        }
    }

    /// <summary><c>dx[s, i] = Σₒ w[i, o]·dz[s, o]</c>, overwriting what was there.</summary>
    private static void CheckBackwardInput<T>(int batch) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var data = new TestData(200 + batch);
        foreach (int inSize in InputSizes)
        foreach (int outSize in KernelTestData.VectorizedSizes<T>())
        {
            var (dz, dzd) = KernelTestData.Random<T>(data, batch * outSize);
            var (w, wd) = KernelTestData.Random<T>(data, inSize * outSize);
            var dx = new GuardedBuffer<T>(batch * inSize);

            Dense.BackwardInput<T>(dz, w, dx.Span, batch, inSize, outSize);

            var (expected, magnitude) = KernelTestData.InputGradient(dzd, wd, batch, inSize, outSize);
            string what = $"Dense.BackwardInput<{typeof(T).Name}> batch {batch}, {inSize} -> {outSize}";
            KernelTestData.AssertClose(dx.ToDouble(), expected, magnitude, KernelTestData.Tolerance<T>(), what);
            dx.AssertGuardsIntact(what);
        }
    }
}
