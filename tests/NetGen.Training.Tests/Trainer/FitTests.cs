using System;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Trainer;

public sealed class FitTests
{
    private static readonly Dataset<float> Spiral = Datasets.Spiral<float>(100, 3, 0.2, seed: 0);

    private static Dataset<float> Sine(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var x = new float[count];
        var y = new float[count];
        for (int k = 0; k < count; k++)
        {
            x[k] = (float)(random.NextDouble() * 6 - 3);
            y[k] = MathF.Sin(x[k]);
        }
        return new Dataset<float>(x, 1, y, 1);
    }

    [Fact]
    public void Fit_trains_the_spiral_and_records_every_epoch()
    {
        var net = new SpiralNet(seed: 42);

        TrainingHistory history = NetGen.Trainer.Fit(net, Spiral, new TrainingOptions { Epochs = 300, BatchSize = 30, Seed = 1 });

        Assert.Equal(300, history.Epochs.Count);
        Assert.Equal(Enumerable.Range(1, 300), history.Epochs.Select(e => e.Epoch));
        Assert.True(history.Loss[^1] <= 0.15, $"final loss {history.Loss[^1]}");
        Assert.True(history.Accuracy[^1] >= 0.95, $"final accuracy {history.Accuracy[^1]}");
        Assert.True(history.Loss[0] > 1.0, $"first loss {history.Loss[0]}"); // ln 3 ≈ 1.0986 for an untrained classifier
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationLoss));
        Assert.All(history.Epochs, e => Assert.Equal(1.0, e.LearningRate));
        Assert.True(history.Epochs.Zip(history.Epochs.Skip(1)).All(p => p.Second.Elapsed >= p.First.Elapsed));
    }

    [Fact]
    public void Evaluate_agrees_with_predict_and_with_the_loss_of_a_full_batch()
    {
        var net = new SpiralNet(seed: 42);
        NetGen.Trainer.Fit(net, Spiral, new TrainingOptions { Epochs = 30, BatchSize = 30 });

        (double loss, double? accuracy) = NetGen.Trainer.Evaluate(net, Spiral);

        int correct = Enumerable.Range(0, Spiral.Count).Count(i => net.Predict(Spiral.FeaturesOf(i)) == Spiral.Labels![i]);
        Assert.Equal((double)correct / Spiral.Count, accuracy);
        var probe = new SpiralNet();
        probe.ImportParameters(Export(net));
        Assert.Equal(probe.ComputeGradients(Spiral.Features, Spiral.Labels), loss, 4);
    }

    [Fact]
    public void Same_seed_gives_the_same_history()
    {
        var options = new TrainingOptions { Epochs = 5, BatchSize = 16, Seed = 9 };

        TrainingHistory first = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, options);
        TrainingHistory second = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, options);
        TrainingHistory other = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, options with { Seed = 10 });

        Assert.Equal(first.Loss, second.Loss);
        Assert.NotEqual(first.Loss, other.Loss);
    }

    [Fact]
    public void Validation_split_holds_out_data_and_reports_on_it()
    {
        TrainingHistory history = NetGen.Trainer.Fit(new SpiralNet(1), Spiral,
            new TrainingOptions { Epochs = 3, BatchSize = 30, ValidationSplit = 0.2 });

        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.All(history.Epochs, e => Assert.InRange(e.ValidationAccuracy!.Value, 0, 1));
    }

    [Fact]
    public void Validation_data_of_another_element_type_is_refused()
    {
        var options = new TrainingOptions { Validation = Datasets.Spiral<double>(10) };

        var error = Assert.Throws<ArgumentException>(() => NetGen.Trainer.Fit(new SpiralNet(1), Spiral, options));
        Assert.Contains("Dataset<Single>", error.Message);
    }

    [Fact]
    public void Data_of_the_wrong_width_is_refused_with_the_expected_size()
    {
        var wide = new Dataset<float>(new float[12], 3, new int[4]);

        var error = Assert.Throws<ArgumentException>(() => NetGen.Trainer.Fit(new SpiralNet(1), wide));
        Assert.Contains("expected 2", error.Message);
    }

    [Fact]
    public void Progress_is_reported_once_an_epoch_in_order()
    {
        var reports = new System.Collections.Generic.List<int>();
        var progress = new SynchronousProgress(r => reports.Add(r.Epoch));

        NetGen.Trainer.Fit(new SpiralNet(1), Spiral, new TrainingOptions { Epochs = 4 }, progress);

        Assert.Equal([1, 2, 3, 4], reports);
    }

    [Fact]
    public void Cancellation_stops_before_the_next_batch_and_returns_the_history_so_far()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(r => { if (r.Epoch == 2) cancellation.Cancel(); });

        TrainingHistory history = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, new TrainingOptions { Epochs = 50 }, progress, cancellation.Token);

        Assert.True(history.Cancelled);
        Assert.Equal(2, history.Epochs.Count);
    }

    [Fact]
    public void A_non_finite_feature_is_refused_up_front_naming_its_sample()
    {
        var features = (float[])Spiral.Features.Clone();
        features[2 * 45 + 1] = float.NaN;
        var poisoned = new Dataset<float>(features, 2, Spiral.Labels!);
        var net = new SpiralNet(1);
        float[] before = net.Parameters.ToArray();

        var error = Assert.Throws<ArgumentException>(() =>
            NetGen.Trainer.Fit(net, poisoned, new TrainingOptions { Epochs = 3, BatchSize = 30, Shuffle = false }));

        Assert.Contains("feature 1 of sample 45", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1e30)] // clipping: the loss is checked before the clipped step too
    public void A_non_finite_loss_names_the_epoch_and_iteration_and_leaves_the_parameters_finite(double? maxGradNorm)
    {
        // Finite targets whose squared errors overflow float once the second batch arrives.
        var features = new float[60];
        var targets = new float[60];
        for (int i = 0; i < 60; i++)
            (features[i], targets[i]) = (0.5f, i < 30 ? 1f : 3e37f);
        var net = new SineNet(seed: 1);

        var error = Assert.Throws<TrainingDivergedException>(() => NetGen.Trainer.Fit(net, new Dataset<float>(features, 1, targets, 1),
            new TrainingOptions { Epochs = 3, BatchSize = 30, Shuffle = false, MaxGradNorm = maxGradNorm }));

        Assert.Equal(1, error.Epoch);
        Assert.Equal(2, error.Iteration);
        Assert.Contains("epoch 1, iteration 2", error.Message);
        Assert.All(net.Parameters.ToArray(), p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_and_restores_the_best_weights()
    {
        var net = new SineNet(seed: 2);
        // A validation set unrelated to the training data stops improving quickly.
        var validation = new Dataset<float>([0f, 1f, 2f], 1, [5f, -5f, 5f], 1);

        TrainingHistory history = NetGen.Trainer.Fit(net, Sine(200, 1), new TrainingOptions
        {
            Epochs = 200,
            BatchSize = 20,
            Validation = validation,
            EarlyStopping = new EarlyStopping(Patience: 3, RestoreBestWeights: true),
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(history.BestEpoch + 4, history.Epochs.Count);
        double best = history.ValidationLoss.Min();
        Assert.Equal(best, history.Epochs[history.BestEpoch - 1].ValidationLoss);
        Assert.Equal(best, NetGen.Trainer.Evaluate(net, validation).Loss, 5);
    }

    [Fact]
    public void Step_schedule_sets_the_rate_of_each_epoch()
    {
        var net = new SineNet(seed: 2);

        TrainingHistory history = NetGen.Trainer.Fit(net, Sine(64, 1), new TrainingOptions
        {
            Epochs = 5,
            Schedule = LearningRateSchedule.Step(stepSize: 2, gamma: 0.5),
        });

        Assert.Equal([0.01, 0.01, 0.005, 0.005, 0.0025], history.LearningRate.Select(r => Math.Round(r, 6)));
    }

    [Fact]
    public void Exponential_schedule_multiplies_the_rate_by_gamma_each_epoch()
    {
        TrainingHistory history = NetGen.Trainer.Fit(new SineNet(seed: 2), Sine(64, 1), new TrainingOptions
        {
            Epochs = 4,
            Schedule = LearningRateSchedule.Exponential(0.5),
        });

        Assert.Equal([0.01, 0.005, 0.0025, 0.00125], history.LearningRate.Select(r => Math.Round(r, 8)));
    }

    [Fact]
    public void Plateau_schedule_in_fit_cuts_the_rate_when_the_validation_loss_stalls()
    {
        // The validation targets cannot be fitted, so its loss soon stops improving.
        var validation = new Dataset<float>([0f, 1f, 2f], 1, [5f, -5f, 5f], 1);

        TrainingHistory history = NetGen.Trainer.Fit(new SineNet(seed: 2), Sine(200, 1), new TrainingOptions
        {
            Epochs = 40,
            BatchSize = 20,
            Validation = validation,
            Schedule = LearningRateSchedule.ReduceOnPlateau(factor: 0.5, patience: 2),
        });

        Assert.Equal(0.01, history.LearningRate[0], 8);
        Assert.True(history.LearningRate[^1] < 0.01, $"final rate {history.LearningRate[^1]}");
        Assert.All(history.LearningRate.Zip(history.LearningRate.Skip(1)), pair => Assert.True(pair.Second <= pair.First));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(5, 0.05)]
    [InlineData(10, 0.0)]
    public void Cosine_schedule_follows_half_a_cosine(int epoch, double expected)
    {
        Assert.Equal(expected, LearningRateSchedule.Cosine(10).Rate(epoch, 0.1, 0.1, double.NaN), 12);
    }

    [Fact]
    public void Plateau_schedule_cuts_the_rate_after_patience_epochs_without_improvement()
    {
        LearningRateSchedule schedule = LearningRateSchedule.ReduceOnPlateau(factor: 0.5, patience: 2);
        double rate = 1;
        double[] losses = [1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
        var rates = losses.Select(loss => rate = schedule.Rate(0, 1, rate, loss)).ToArray();

        Assert.Equal([1, 1, 1, 1, 0.5, 0.5, 0.5], rates);
    }

    [Fact]
    public void Gradient_clipping_bounds_every_step()
    {
        // A huge target makes a huge gradient; clipped to norm 1, one SGD step moves the parameters by lr·1.
        var before = Export(new SpiralLikeRegressor(3));
        var net = new SpiralLikeRegressor(3);

        NetGen.Trainer.Fit(net, new Dataset<float>([1f, 2f], 2, [1e6f], 1), new TrainingOptions { Epochs = 1, BatchSize = 1, MaxGradNorm = 1.0 });

        float[] after = Export(net);
        double step = Math.Sqrt(before.Zip(after, (a, b) => (double)(a - b) * (a - b)).Sum());
        Assert.InRange(step, 0.0099, 0.0101); // lr 0.01 times the clipped norm 1
    }

    [Fact]
    public void Interval_verbosity_writes_the_materials_progress_line()
    {
        var output = new StringWriter();

        NetGen.Trainer.Fit(new SpiralNet(1), Spiral, new TrainingOptions { Epochs = 2, BatchSize = 30, EvalInterval = 5, Verbose = Verbosity.Interval, Output = output });

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\| epoch 2 \| iter 10 / 10 \| loss \d+\.\d\d$", lines[3].TrimEnd());
    }

    [Fact]
    public void The_batch_loop_allocates_nothing_per_batch()
    {
        var net = new SpiralNet(1);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 1 };
        NetGen.Trainer.Fit(net, Spiral, options); // warm up
        long oneEpoch = Allocated(() => NetGen.Trainer.Fit(net, Spiral, options));
        long tenEpochs = Allocated(() => NetGen.Trainer.Fit(net, Spiral, options with { Epochs = 10 }));

        // 300 batches an epoch: any per-batch allocation would grow the difference by thousands of bytes.
        Assert.InRange(tenEpochs - oneEpoch, 0, 9 * 600);
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static float[] Export<TNet>(TNet net) where TNet : INetwork<float>
    {
        var parameters = new float[net.ParameterCount];
        net.ExportParameters(parameters);
        return parameters;
    }

    private sealed class SynchronousProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
