using System;
using System.Linq;
using System.Threading;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Training.Tests.Runtime;

/// <summary>
/// NetworkTraining, the shape-independent half of every generated network's training, on its own: it checks
/// arguments before touching anything, grows the scratch only for a larger batch, sums chunks in chunk order
/// (the same bits on any number of threads), steps the optimizer once the loss is finite, keeps its members
/// to one thread, and copies all of its state to a clone. The expected values are worked out here from
/// <see cref="FakeLayers"/>'s rule.
/// </summary>
public sealed class NetworkTrainingTests
{
    // Two inputs, a layer of one and a layer of one: weights 0 and 1 and bias 2, then weight 3 and bias 4.
    private const int ParameterCount = 5, ChunkSize = 4;
    private static readonly OptimizerDescription PlainSgd = new(OptimizerKind.Sgd, 0.5);

    /// <summary>The network FakeLayers computes, as a declaration: 2 inputs, then layers of <paramref name="sizes"/>.</summary>
    private static NetworkDescription Network(OptimizerDescription optimizer, params int[] sizes) =>
        new(Precision.Double, Loss.MeanSquaredError, 2, sizes.Select(size => new LayerDescription(size, Activation.Identity)).ToArray(), optimizer);

    private static (NetworkTraining<double> Training, FakeLayers Layers, double[] Parameters) Make(
        OptimizerDescription? optimizer = null, int parallelParameterCount = 1 << 16, bool stepsWithChunkSums = true,
        bool probabilityTargets = false, bool readsLabels = false, int maxTrainingBatch = 1000)
    {
        var layers = new FakeLayers();
        var schedule = new TrainingSchedule(Network(optimizer ?? PlainSgd, 1, 1), ChunkSize, maxTrainingBatch, parameterBlocks: 3, parallelParameterCount)
        {
            StepsWithChunkSums = stepsWithChunkSums, ProbabilityTargets = probabilityTargets, ReadsLabels = readsLabels,
        };
        // The parameters from origin 2 of a longer array, as a generated network holds them.
        var parameters = new double[ParameterCount + 4];
        for (int k = 0; k < ParameterCount; k++)
            parameters[2 + k] = k + 1;
        var training = new NetworkTraining<double>(null, layers, schedule, parameters, 2);
        return (training, layers, parameters);
    }

    private static (double[] Inputs, double[] Targets) Batch(int batch)
    {
        // Values with long binary expansions, so that a sum in another order would round differently.
        double[] inputs = Enumerable.Range(0, batch * FakeLayers.InputSize).Select(i => 0.1 * (i + 1) / 3).ToArray();
        double[] targets = Enumerable.Range(0, batch).Select(s => 0.7 / (s + 3)).ToArray();
        return (inputs, targets);
    }

    /// <summary>The batch's gradient and loss: each chunk's rows summed in row order, then the chunks in chunk order.</summary>
    private static (double[] Gradient, double Loss) Reference(double[] inputs, double[] targets)
    {
        int batch = targets.Length;
        var gradient = new double[ParameterCount];
        double loss = 0;
        for (int first = 0; first < batch; first += ChunkSize)
        {
            var chunk = new double[ParameterCount];
            double chunkLoss = 0;
            for (int s = first; s < Math.Min(batch, first + ChunkSize); s++)
            {
                chunkLoss += inputs[s * 2] * targets[s] / batch;
                for (int k = 0; k < ParameterCount; k++)
                    chunk[k] += (k + 1) * inputs[s * 2] + targets[s];
            }
            loss = first == 0 ? chunkLoss : loss + chunkLoss;
            for (int k = 0; k < ParameterCount; k++)
                gradient[k] = first == 0 ? chunk[k] : gradient[k] + chunk[k];
        }
        return (gradient, loss);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(16)]
    public void The_gradient_and_loss_are_the_chunk_order_sums_on_any_number_of_threads(int batch)
    {
        (double[] inputs, double[] targets) = Batch(batch);
        (double[] gradient, double loss) = Reference(inputs, targets);
        foreach (int threads in new[] { 1, 2, 3 })
            foreach (int parallelParameterCount in new[] { 1, 1 << 16 })
            {
                var (training, layers, _) = Make(parallelParameterCount: parallelParameterCount);
                training.DegreeOfParallelism = threads;
                Assert.Equal(loss, training.ComputeGradients(inputs, targets));
                Assert.Equal(gradient, training.Gradients.ToArray());
                int[] firsts = Enumerable.Range(0, (batch + ChunkSize - 1) / ChunkSize).Select(c => c * ChunkSize).ToArray();
                Assert.Equal(firsts, layers.Chunks.Select(c => c.First).Order().ToArray());
                Assert.All(layers.Chunks, c => Assert.Equal((Math.Min(ChunkSize, batch - c.First), batch), (c.Count, c.Batch)));
            }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(10, false)]
    [InlineData(10, true)]
    public void TrainStep_steps_from_the_batch_gradient(int batch, bool stepsWithChunkSums)
    {
        (double[] inputs, double[] targets) = Batch(batch);
        (double[] gradient, double loss) = Reference(inputs, targets);
        foreach (int threads in new[] { 1, 2 })
        {
            var (training, _, parameters) = Make(parallelParameterCount: 1, stepsWithChunkSums: stepsWithChunkSums);
            training.DegreeOfParallelism = threads;
            Assert.Equal(loss, training.TrainStep(inputs, targets));
            // Plain SGD: p − 0.5·g, from p = k + 1.
            Assert.Equal(Enumerable.Range(0, ParameterCount).Select(k => k + 1 - 0.5 * gradient[k]), parameters.Skip(2).Take(ParameterCount));
            Assert.Equal([0d, 0d], parameters.Take(2));
            Assert.Equal([0d, 0d], parameters.Skip(2 + ParameterCount));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void A_loss_that_is_not_finite_throws_before_the_step(int batch)
    {
        (double[] inputs, double[] targets) = Batch(batch);
        targets[batch - 1] = 1e308;
        inputs[(batch - 1) * 2] = 1e308;
        var (training, _, parameters) = Make();
        double[] before = parameters.ToArray();
        Assert.Throws<NonFiniteLossException>(() => training.TrainStep(inputs, targets));
        Assert.Equal(before, parameters);
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_expected_size_before_any_work()
    {
        var (training, layers, _) = Make(maxTrainingBatch: 6);
        var rows = Assert.Throws<ArgumentException>(() => training.ComputeGradients(new double[3], new double[1]));
        Assert.Equal("inputs", rows.ParamName);
        Assert.Contains("InputSize = 2", rows.Message);
        var targets = Assert.Throws<ArgumentException>(() => training.TrainStep(new double[4], new double[3]));
        Assert.Equal("targets", targets.ParamName);
        Assert.Contains("expected 2 (OutputSize = 1 for each of the 2 samples", targets.Message);
        var labels = Assert.Throws<ArgumentException>(() => training.ComputeGradients(new double[4], new int[1]));
        Assert.Equal("labels", labels.ParamName);
        Assert.Contains("expected 2", labels.Message);
        var large = Assert.Throws<ArgumentException>(() => training.ComputeGradients(new double[14], new double[7]));
        Assert.Contains("at most 6 samples", large.Message);
        var nan = Assert.Throws<ArgumentException>(() => training.ComputeGradients([1, double.NaN], [1d]));
        Assert.Equal("inputs", nan.ParamName);
        Assert.Throws<ArgumentException>(() => training.ImportParameters(new double[ParameterCount - 1]));
        Assert.Throws<ArgumentException>(() => training.ExportGradients(new double[ParameterCount + 1]));
        Assert.Empty(layers.Calls);
        Assert.Empty(layers.Grown);

        var binary = Make(probabilityTargets: true).Training;
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => binary.ComputeGradients([1, 2], [1.5])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => training.DegreeOfParallelism = 0);
        Assert.Throws<ArgumentException>(() => training.LearningRate = double.NaN);
        Assert.Throws<ArgumentException>(() => training.LearningRate = -1);
    }

    [Fact]
    public void The_scratch_grows_only_for_a_batch_larger_than_any_before()
    {
        var (training, layers, _) = Make();
        foreach (int batch in new[] { 3, 2, 5, 5, 9, 1 })
        {
            (double[] inputs, double[] targets) = Batch(batch);
            training.ComputeGradients(inputs, targets);
        }
        Assert.Equal([3, 5, 9], layers.Grown);
    }

    [Fact]
    public void Labels_reach_a_one_chunk_batch_as_they_are_where_the_network_reads_them_and_as_target_rows_otherwise()
    {
        var (reads, readsLayers, _) = Make(readsLabels: true);
        var (rows, rowsLayers, _) = Make();
        double[] inputs = Batch(3).Inputs;
        int[] labels = [0, 0, 0];
        Assert.Equal(reads.ComputeGradients(inputs, labels), rows.ComputeGradients(inputs, labels));
        Assert.Equal(labels, readsLayers.LastLabels);
        Assert.Null(rowsLayers.LastLabels);
        Assert.Throws<ArgumentException>(() => rows.ComputeGradients(inputs, [0, 2, 0]));
    }

    [Fact]
    public void A_second_thread_is_refused_while_the_first_is_inside_and_the_same_thread_may_reenter()
    {
        var (training, layers, _) = Make();
        Exception? refused = null;
        layers.InsideChunk = () =>
        {
            var other = new Thread(() => refused = Record(() => training.ApplyGradients()));
            other.Start();
            other.Join();
            training.LearningRate = 0.25;
        };
        (double[] inputs, double[] targets) = Batch(2);
        training.TrainStep(inputs, targets);
        Assert.IsType<InvalidOperationException>(refused);
        Assert.StartsWith("ApplyGradients was called while another thread", refused!.Message);
        Assert.Equal(0.25, training.LearningRate);

        // Released: another thread may now train.
        layers.InsideChunk = null;
        Exception? later = null;
        var thread = new Thread(() => later = Record(() => training.TrainStep(inputs, targets)));
        thread.Start();
        thread.Join();
        Assert.Null(later);
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [Fact]
    public void Parameters_go_through_PyTorchs_order_layer_by_layer()
    {
        // 2 inputs, 2, then 1: in PyTorch's order, layer 1's weight [out, in] = [[1, 2], [3, 4]] and bias [5, 6],
        // then layer 2's weight [[7, 8]] and bias [9]; inside, each layer's weights are [in, out].
        var schedule = new TrainingSchedule(Network(new OptimizerDescription(OptimizerKind.Sgd, 1), 2, 1), ChunkSize, 1000, parameterBlocks: 3,
            parallelParameterCount: 1);
        Assert.Equal((2, 1, 9, 2), (schedule.InputSize, schedule.OutputSize, schedule.ParameterCount, schedule.LayerCount));
        var parameters = new double[9];
        var training = new NetworkTraining<double>(null, new FakeLayers(), schedule, parameters, 0);
        training.ImportParameters([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Assert.Equal([1d, 3, 2, 4, 5, 6, 7, 8, 9], parameters);
        var exported = new double[9];
        training.ExportParameters(exported);
        Assert.Equal([1d, 2, 3, 4, 5, 6, 7, 8, 9], exported);
        Assert.Throws<ArgumentException>(() => training.ImportParameters([1, 2, 3, 4, 5, 6, 7, 8, double.NaN]));
        Assert.Equal([1d, 3, 2, 4, 5, 6, 7, 8, 9], parameters);
    }

    [Fact]
    public void A_copy_trains_to_the_same_bits_and_a_reset_restarts_the_optimizer()
    {
        var adam = new OptimizerDescription(OptimizerKind.Adam, 0.01) { AmsGrad = true };
        var (training, _, parameters) = Make(adam);
        (double[] inputs, double[] targets) = Batch(6);
        training.TrainStep(inputs, targets);
        training.LearningRate = 0.02;
        training.DegreeOfParallelism = 2;
        var (copy, _, copyParameters) = Make(adam);
        training.CopyTo(copy);
        Assert.Equal(parameters.Skip(2).Take(ParameterCount), copyParameters.Skip(2).Take(ParameterCount));
        Assert.Equal((0.02, 2), (copy.LearningRate, copy.DegreeOfParallelism));
        Assert.Equal(training.Gradients.ToArray(), copy.Gradients.ToArray());
        training.TrainStep(inputs, targets);
        copy.TrainStep(inputs, targets);
        Assert.Equal(parameters, copyParameters);

        // After a reset, a step is Adam's first again: from the same parameters and state, the same result as a fresh optimizer's.
        var (fresh, _, freshParameters) = Make(adam);
        fresh.ImportParameters(Export(training));
        training.ResetOptimizer();
        fresh.LearningRate = training.LearningRate;
        training.TrainStep(inputs, targets);
        fresh.TrainStep(inputs, targets);
        Assert.Equal(parameters.Skip(2).Take(ParameterCount), freshParameters.Skip(2).Take(ParameterCount));
    }

    private static double[] Export(NetworkTraining<double> training)
    {
        var values = new double[ParameterCount];
        training.ExportParameters(values);
        return values;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_first_layer_split_by_rows_runs_its_products_before_the_chunks_and_its_blocks_after(int threads)
    {
        // Layer 1: 2 inputs, 1 output: weights 0 and 1, bias 2; later parameters 3 and 4.
        var layers = new FakeLayers();
        var schedule = new TrainingSchedule(Network(new OptimizerDescription(OptimizerKind.Sgd, 1), 1, 1), ChunkSize, 1000, parameterBlocks: 3,
            parallelParameterCount: 1)
        {
            StepsWithChunkSums = true, FirstWeightBlocks = 2,
        };
        var parameters = new double[ParameterCount];
        var training = new NetworkTraining<double>(null, layers, schedule, parameters, 0);
        training.DegreeOfParallelism = threads;
        (double[] inputs, double[] targets) = Batch(9);
        (double[] gradient, _) = Reference(inputs, targets);
        training.TrainStep(inputs, targets);

        // Blocks start on a multiple of eight rows: of two input rows, block 0 has none and block 1 both.
        Assert.Equal(["begin 9", "products 0 9", "products 1 9"], layers.Calls.Take(3).Order());
        Assert.Equal(["bias", "rows 0 0", "rows 0 2"], layers.Calls.Skip(6).Order());
        double[] expected = [100, 101, gradient[2], gradient[3], gradient[4]];
        // The fake's bias gradient is the last chunk's own (FirstBias leaves it), so parameter 2 is not checked.
        Assert.Equal(expected.Where((_, k) => k != 2), training.Gradients.ToArray().Where((_, k) => k != 2));
        Assert.Equal(expected.Select(g => -g).Where((_, k) => k != 2), parameters.Where((_, k) => k != 2));
    }
}
