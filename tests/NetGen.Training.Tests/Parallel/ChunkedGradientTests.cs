using System;
using System.Linq;
using NetGen.Kernels;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Parallel;

/// <summary>
/// Batches above one chunk (64 samples) are split, computed on up to DegreeOfParallelism threads and
/// summed in chunk order (a first layer too large to unroll by halves and blocks of its weight rows
/// instead): the mean gradient is right, and bit-identical on any number of threads.
/// </summary>
public sealed class ChunkedGradientTests
{
    private static double[] Random(int count, int seed)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextNormal()).ToArray();
    }

    private static int[] Labels(int count, int classes, int seed)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextInt(classes)).ToArray();
    }

    /// <summary>
    /// The batch's loss and gradient against the means over its samples taken one at a time, which
    /// never chunks: the reference for a chunked batch.
    /// </summary>
    private static void AssertGradientIsTheMeanOfPerSampleGradients(INetwork<double> net, double[] inputs, int[] labels)
    {
        int batch = labels.Length;
        double loss = net.ComputeGradients(inputs, labels);
        var gradient = new double[net.ParameterCount];
        net.ExportGradients(gradient);

        var expected = new double[net.ParameterCount];
        var single = new double[net.ParameterCount];
        double expectedLoss = 0;
        for (int s = 0; s < batch; s++)
        {
            expectedLoss += net.ComputeGradients(inputs.AsSpan(s * net.InputSize, net.InputSize), labels.AsSpan(s, 1)) / batch;
            net.ExportGradients(single);
            for (int k = 0; k < single.Length; k++)
                expected[k] += single[k] / batch;
        }
        Assert.Equal(expectedLoss, loss, 1e-12);
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], gradient[k], 1e-12);
    }

    /// <summary><paramref name="steps"/> training steps on the same batch: each step's loss, then the parameters.</summary>
    private static (double[] Losses, double[] Parameters) Train(INetwork<double> net, double[] inputs, int[] labels, int steps)
    {
        double[] losses = Enumerable.Range(0, steps).Select(_ => net.TrainStep(inputs, labels)).ToArray();
        var parameters = new double[net.ParameterCount];
        net.ExportParameters(parameters);
        return (losses, parameters);
    }

    [Theory]
    [InlineData(typeof(ChunkedNet), 64)]
    [InlineData(typeof(ChunkedDropoutNet), 64)]
    [InlineData(typeof(NarrowInputChunkedNet), 128)]
    public void These_networks_split_batches_into_chunks_of_the_expected_size(Type network, int chunkSize)
    {
        var field = network.GetField("ChunkSize", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        Assert.Equal(chunkSize, field.GetRawConstantValue());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(150)]
    [InlineData(256)]
    public void Chunked_gradient_is_the_mean_of_the_per_sample_gradients(int batch) =>
        AssertGradientIsTheMeanOfPerSampleGradients(new ChunkedNet(seed: 3),
            Random(batch * ChunkedNet.InputSize, 1), Labels(batch, ChunkedNet.OutputSize, 2));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_narrow_input_splits_its_first_layer_into_an_empty_and_a_whole_half_and_still_gets_the_mean(int threads)
    {
        const int batch = 300;
        AssertGradientIsTheMeanOfPerSampleGradients(new NarrowInputChunkedNet(seed: 23) { DegreeOfParallelism = threads },
            Random(batch * NarrowInputChunkedNet.InputSize, 21), Labels(batch, NarrowInputChunkedNet.OutputSize, 22));
    }

    [Fact]
    public void A_narrow_input_trains_bit_identically_on_one_two_and_three_threads()
    {
        const int batch = 300;
        AssertTrainsBitIdentically(threads => new NarrowInputChunkedNet(seed: 26) { DegreeOfParallelism = threads },
            Random(batch * NarrowInputChunkedNet.InputSize, 24), Labels(batch, NarrowInputChunkedNet.OutputSize, 25), steps: 3, 1, 2, 3);
    }

    [Fact]
    public void Gradients_and_training_are_bit_identical_on_one_two_and_three_threads()
    {
        const int batch = 200;
        AssertTrainsBitIdentically(threads => new ChunkedNet(seed: 6) { DegreeOfParallelism = threads },
            Random(batch * ChunkedNet.InputSize, 4), Labels(batch, ChunkedNet.OutputSize, 5), steps: 5, 1, 2, 3);
    }

    /// <summary>
    /// <paramref name="steps"/> training steps on the same batch by networks made alike on each number of
    /// <paramref name="threads"/>: the same losses and parameters, bit for bit, as on the first.
    /// </summary>
    private static void AssertTrainsBitIdentically(Func<int, INetwork<double>> create, double[] inputs, int[] labels, int steps, params int[] threads)
    {
        var results = threads.Select(count => Train(create(count), inputs, labels, steps)).ToArray();
        for (int k = 1; k < results.Length; k++)
        {
            Assert.Equal(results[0].Losses, results[k].Losses);
            Assert.Equal(results[0].Parameters, results[k].Parameters);
        }
    }

    [Fact]
    public void A_first_layer_held_panel_by_panel_trains_bit_identically_on_one_two_and_three_threads()
    {
        const int batch = 200;
        double[] inputs = Random(batch * PanelChunkedNet.InputSize, 27);
        int[] labels = Labels(batch, PanelChunkedNet.OutputSize, 28);
        Assert.True(PanelChunkedNet.ParameterCount >= 65536);
        AssertTrainsBitIdentically(threads => new PanelChunkedNet(seed: 29) { DegreeOfParallelism = threads }, inputs, labels, steps: 3, 1, 2, 3);
        AssertGradientIsTheMeanOfPerSampleGradients(new PanelChunkedNet(seed: 30) { DegreeOfParallelism = 2 }, inputs, labels);
    }

    /// <summary>
    /// On a core whose products read panels, a first layer whose outputs fill two halves of whole panels splits by
    /// those halves: checked against the layout the network chose, so that the tests below take that path there.
    /// </summary>
    [Fact]
    public void A_first_layer_of_whole_panel_halves_splits_by_halves_where_it_holds_panels()
    {
        Assert.Equal(Layout.HoldsPanels<double>(128), ScheduleOf(typeof(ColumnChunkedNet)).FirstLayerColumns);
        Assert.Equal(Layout.HoldsPanels<double>(256), ScheduleOf(typeof(WideChunkedNet)).FirstLayerColumns);
        Assert.Equal(Layout.HoldsPanels<float>(128), ScheduleOf(typeof(ColumnChunkedDropoutNet)).FirstLayerColumns);
        // Three panels of doubles do not halve into whole panels: split by rows.
        Assert.False(ScheduleOf(typeof(PanelChunkedNet)).FirstLayerColumns);
        Assert.True(ScheduleOf(typeof(PanelChunkedNet)).FirstWeightBlocks > 0);
    }

    private static TrainingSchedule ScheduleOf(Type network) =>
        (TrainingSchedule)network.GetField("Schedule", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_first_layer_split_by_halves_of_its_panels_gets_the_mean_gradient(int threads)
    {
        const int batch = 200;
        AssertGradientIsTheMeanOfPerSampleGradients(new ColumnChunkedNet(seed: 31) { DegreeOfParallelism = threads },
            Random(batch * ColumnChunkedNet.InputSize, 32), Labels(batch, ColumnChunkedNet.OutputSize, 33));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_two_layer_network_split_by_halves_of_its_panels_gets_the_mean_gradient(int threads)
    {
        const int batch = 150;
        AssertGradientIsTheMeanOfPerSampleGradients(new WideChunkedNet(seed: 34) { DegreeOfParallelism = threads },
            Random(batch * WideChunkedNet.InputSize, 35), Labels(batch, WideChunkedNet.OutputSize, 36));
    }

    [Fact]
    public void A_first_layer_split_by_halves_of_its_panels_trains_bit_identically_on_one_two_and_three_threads()
    {
        const int batch = 200;
        Assert.True(ColumnChunkedNet.ParameterCount >= 65536);
        AssertTrainsBitIdentically(threads => new ColumnChunkedNet(seed: 39) { DegreeOfParallelism = threads },
            Random(batch * ColumnChunkedNet.InputSize, 37), Labels(batch, ColumnChunkedNet.OutputSize, 38), steps: 3, 1, 2, 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_first_layer_split_by_halves_of_its_panels_steps_as_computing_then_applying_gradients(int threads)
    {
        const int batch = 130;
        AssertTrainStepMatchesComputingThenApplyingGradients(() => new ColumnChunkedNet(seed: 42) { DegreeOfParallelism = threads },
            Random(batch * ColumnChunkedNet.InputSize, 40), Labels(batch, ColumnChunkedNet.OutputSize, 41));
    }

    /// <summary>
    /// On two threads, a batch split by halves whose loss overflows (inputs of 1e308 through ReLU layers), found only after
    /// the halves' products and the chunks, must stop before either thread steps, and a label out of range must be refused
    /// before either starts, leaving the network as it was, its optimizer's step count included, so that the next step
    /// matches a network that never saw that batch.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failed_batch_split_by_halves_on_two_threads_leaves_the_network_as_it_was(bool overflow)
    {
        const int batch = 150;
        double[] inputs = Random(batch * WideChunkedNet.InputSize, 46);
        int[] labels = Labels(batch, WideChunkedNet.OutputSize, 47);
        double[] badInputs = (double[])inputs.Clone();
        int[] badLabels = (int[])labels.Clone();
        if (overflow)
            Array.Fill(badInputs, 1e308, 100 * WideChunkedNet.InputSize, WideChunkedNet.InputSize);
        else
            badLabels[100] = WideChunkedNet.OutputSize;
        var net = new WideChunkedNet(seed: 48) { DegreeOfParallelism = 2 };
        var untouched = new WideChunkedNet(seed: 48) { DegreeOfParallelism = 2 };
        net.TrainStep(inputs, labels);
        untouched.TrainStep(inputs, labels);
        double[] before = net.Parameters.ToArray();

        if (overflow)
            Assert.Throws<NonFiniteLossException>(() => net.TrainStep(badInputs, badLabels));
        else
            Assert.Throws<ArgumentException>(() => net.TrainStep(badInputs, badLabels));

        Assert.Equal(before, net.Parameters.ToArray());
        Assert.Equal(untouched.TrainStep(inputs, labels), net.TrainStep(inputs, labels));
        Assert.Equal(untouched.Parameters.ToArray(), net.Parameters.ToArray());
    }

    /// <summary>
    /// A value NaN or infinite among the inputs of a batch split by halves is named by its index, the first of several, on
    /// any number of threads (where on several the caller scans the batch while a helper computes half of the first
    /// layer's products), before the network changes.
    /// </summary>
    [Theory]
    [InlineData(1, new[] { 3 })]
    [InlineData(2, new[] { 3 })]
    [InlineData(2, new[] { 120 * 256 + 7 })]
    [InlineData(2, new[] { 140 * 256, 74 * 256 + 255 })]
    [InlineData(3, new[] { 149 * 256 + 255, 76 * 256 })]
    public void A_non_finite_input_in_a_batch_split_by_halves_is_named_on_any_number_of_threads(int threads, int[] positions)
    {
        const int batch = 150;
        double[] inputs = Random(batch * WideChunkedNet.InputSize, 49);
        int[] labels = Labels(batch, WideChunkedNet.OutputSize, 50);
        double[] badInputs = (double[])inputs.Clone();
        foreach (int position in positions)
            badInputs[position] = position % 2 == 0 ? double.NaN : double.NegativeInfinity;
        var net = new WideChunkedNet(seed: 51) { DegreeOfParallelism = threads };
        var untouched = new WideChunkedNet(seed: 51) { DegreeOfParallelism = threads };
        net.TrainStep(inputs, labels);
        untouched.TrainStep(inputs, labels);
        double[] before = net.Parameters.ToArray();

        var exception = Assert.Throws<ArgumentException>(() => net.TrainStep(badInputs, labels));
        Assert.Contains($"at index {positions.Min()}:", exception.Message);
        Assert.Equal("inputs", exception.ParamName);
        Assert.Contains($"at index {positions.Min()}:", Assert.Throws<ArgumentException>(() => net.ComputeGradients(badInputs, labels)).Message);

        Assert.Equal(before, net.Parameters.ToArray());
        Assert.Equal(untouched.TrainStep(inputs, labels), net.TrainStep(inputs, labels));
        Assert.Equal(untouched.Parameters.ToArray(), net.Parameters.ToArray());
    }

    [Fact]
    public void Dropout_after_a_first_layer_split_by_halves_of_its_panels_does_not_depend_on_the_number_of_threads()
    {
        const int batch = 150;
        float[][] parameters = ParametersAfterDropoutSteps(threads => new ColumnChunkedDropoutNet(seed: 45) { DegreeOfParallelism = threads },
            Random(batch * ColumnChunkedDropoutNet.InputSize, 43), Random(batch * ColumnChunkedDropoutNet.OutputSize, 44));

        Assert.Equal(parameters[0], parameters[1]);
    }

    [Fact]
    public void Parallel_optimizer_steps_and_sums_match_one_thread_bit_for_bit()
    {
        const int batch = 150;
        Assert.True(WideChunkedNet.ParameterCount >= 65536);
        AssertTrainsBitIdentically(threads => new WideChunkedNet(seed: 15) { DegreeOfParallelism = threads },
            Random(batch * WideChunkedNet.InputSize, 13), Labels(batch, WideChunkedNet.OutputSize, 14), steps: 3, 1, 2, 4);
    }

    /// <summary>
    /// Three TrainSteps on two networks made alike, against ComputeGradients then ApplyGradients: the loss, the gradient
    /// and the parameters after each step, bit for bit. Returns the two networks.
    /// </summary>
    private static (INetwork<double> Fused, INetwork<double> Separate) AssertTrainStepMatchesComputingThenApplyingGradients(
        Func<INetwork<double>> create, double[] inputs, int[] labels)
    {
        INetwork<double> fused = create(), separate = create();
        for (int step = 0; step < 3; step++)
        {
            double fusedLoss = fused.TrainStep(inputs, labels);
            double separateLoss = separate.ComputeGradients(inputs, labels);
            separate.ApplyGradients();

            Assert.Equal(separateLoss, fusedLoss);
            Assert.Equal(separate.Gradients.ToArray(), fused.Gradients.ToArray());
            Assert.Equal(separate.Parameters.ToArray(), fused.Parameters.ToArray());
        }
        return (fused, separate);
    }

    /// <summary>
    /// TrainStep runs the optimizer on each block of the chunk sum as soon as that block is summed; the
    /// parameters, the optimizer state it carries into the next step, the loss and the gradient it
    /// leaves must all be those of ComputeGradients followed by ApplyGradients.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Train_step_matches_computing_then_applying_gradients_bit_for_bit(int threads)
    {
        const int batch = 150;
        double[] inputs = Random(batch * WideChunkedNet.InputSize, 16);
        int[] labels = Labels(batch, WideChunkedNet.OutputSize, 17);
        var (fused, separate) = AssertTrainStepMatchesComputingThenApplyingGradients(
            () => new WideChunkedNet(seed: 18) { DegreeOfParallelism = threads }, inputs, labels);
        // A batch of one chunk goes the other way, through ApplyGradients; it must still step once.
        double[] before = fused.Parameters.ToArray();
        fused.TrainStep(inputs.AsSpan(0, 10 * WideChunkedNet.InputSize), labels.AsSpan(0, 10));
        separate.ComputeGradients(inputs.AsSpan(0, 10 * WideChunkedNet.InputSize), labels.AsSpan(0, 10));
        separate.ApplyGradients();
        Assert.NotEqual(before, fused.Parameters.ToArray());
        Assert.Equal(separate.Parameters.ToArray(), fused.Parameters.ToArray());
    }

    [Fact]
    public void Dropout_masks_do_not_depend_on_the_number_of_threads()
    {
        const int batch = 130;
        float[][] parameters = ParametersAfterDropoutSteps(threads => new ChunkedDropoutNet(seed: 9) { DegreeOfParallelism = threads },
            Random(batch * ChunkedDropoutNet.InputSize, 7), Random(batch * ChunkedDropoutNet.OutputSize, 8));

        Assert.Equal(parameters[0], parameters[1]);
    }

    /// <summary>The parameters after four TrainSteps on the same batch, on one thread and on two.</summary>
    private static float[][] ParametersAfterDropoutSteps(Func<int, INetwork<float>> create, double[] inputs, double[] targets)
    {
        float[] inputRows = inputs.Select(v => (float)v).ToArray(), targetRows = targets.Select(v => (float)v).ToArray();
        return new[] { 1, 2 }.Select(threads =>
        {
            INetwork<float> net = create(threads);
            for (int step = 0; step < 4; step++)
                net.TrainStep(inputRows, targetRows);
            return net.Parameters.ToArray();
        }).ToArray();
    }

    [Fact]
    public void Parallel_training_allocates_nothing_in_steady_state()
    {
        const int batch = 256;
        double[] inputs = Random(batch * ChunkedNet.InputSize, 10);
        int[] labels = Labels(batch, ChunkedNet.OutputSize, 11);
        var net = new ChunkedNet(seed: 12) { DegreeOfParallelism = 2 };
        net.TrainStep(inputs, labels);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int step = 0; step < 10; step++)
            net.TrainStep(inputs, labels);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Degree_of_parallelism_below_one_is_refused()
    {
        var net = new ChunkedNet();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => net.DegreeOfParallelism = 0);
        Assert.Contains("at least 1", error.Message);
    }
}
