using System;
using System.Linq;
using NetGen.Training.Tests.Networks;
using Xunit;

namespace NetGen.Training.Tests.Trainer;

/// <summary>
/// A run that stops after K epochs and resumes (TrainingOptions.ResumeFrom) in a copy of the network ends
/// where one run of N epochs ends, bit for bit: the shuffling, early stopping's best loss, the schedule, the
/// optimizer and the dropout generator all carry over.
/// </summary>
public sealed class ResumeTests
{
    private static readonly Dataset<float> Spiral = Datasets.Spiral<float>(60, 3, 0.2, seed: 0);

    public static TheoryData<string> Runs => new(RunNames);

    internal static readonly string[] RunNames = ["sgd", "sgd with dropout, plateau schedule and clipping", "adam with validation and early stopping", "adamw", "rmsprop"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Stopping_and_resuming_ends_where_one_run_ends(string run)
    {
        (Func<INetwork<float>> create, Dataset<float> data, TrainingOptions options) = Setup(run);
        const int epochs = 9, stop = 4;

        INetwork<float> whole = create();
        TrainingHistory wholeHistory = NetGen.Trainer.Fit(whole, data, options with { Epochs = epochs });

        INetwork<float> first = create();
        TrainingHistory firstHistory = NetGen.Trainer.Fit(first, data, options with { Epochs = stop });
        INetwork<float> resumed = first.Clone();
        TrainingHistory resumedHistory = NetGen.Trainer.Fit(resumed, data, options with { Epochs = epochs, ResumeFrom = firstHistory.Progress });

        Assert.Equal(Bits(whole), Bits(resumed));
        Assert.Equal(wholeHistory.Loss, resumedHistory.Loss);
        Assert.Equal(wholeHistory.LearningRate, resumedHistory.LearningRate);
        Assert.Equal((wholeHistory.BestEpoch, wholeHistory.StoppedEarly), (resumedHistory.BestEpoch, resumedHistory.StoppedEarly));
        Assert.Equal(stop, firstHistory.Progress!.Epoch);
    }

    [Fact]
    public void Resuming_with_best_weights_to_restore_but_none_kept_leaves_the_last_ones()
    {
        // The first run kept no best weights; the resumed one asks for them but never improves on the best loss.
        var options = new TrainingOptions { BatchSize = 16, Seed = 3 };
        TrainingHistory first = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, options with { Epochs = 2 });
        var plain = new SpiralNet(1);
        NetGen.Trainer.Fit(plain, Spiral, options with { Epochs = 4, ResumeFrom = first.Progress });
        var restoring = new SpiralNet(1);

        NetGen.Trainer.Fit(restoring, Spiral, options with
        {
            Epochs = 4, ResumeFrom = first.Progress, EarlyStopping = new EarlyStopping(Patience: 10, MinDelta: 1e9, RestoreBestWeights: true),
        });

        Assert.Equal(Bits(plain), Bits(restoring));
    }

    [Fact]
    public void A_progress_of_other_data_is_refused_before_anything_changes()
    {
        TrainingHistory history = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, new TrainingOptions { Epochs = 1 });
        var network = new SpiralNet(2);
        float[] before = network.Parameters.ToArray();

        var error = Assert.Throws<ArgumentException>(() => NetGen.Trainer.Fit(network, Datasets.Spiral<float>(10, 3, 0.2, seed: 0),
            new TrainingOptions { Epochs = 2, ResumeFrom = history.Progress }));

        Assert.Contains("shuffles 180 training samples, but the data has 30", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_run_cancelled_within_an_epoch_has_no_progress_to_resume()
    {
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();
        TrainingHistory history = NetGen.Trainer.Fit(new SpiralNet(1), Spiral, new TrainingOptions { Epochs = 2 }, cancellationToken: cancellation.Token);
        Assert.Null(history.Progress);
    }

    internal static (Func<INetwork<float>> Create, Dataset<float> Data, TrainingOptions Options) Setup(string run) => run switch
    {
        "sgd" => (() => new SpiralNet(1), Spiral, new TrainingOptions { BatchSize = 16, Seed = 3 }),
        "sgd with dropout, plateau schedule and clipping" => (() => new ResumedDropoutNet(1), Spiral, new TrainingOptions
        {
            BatchSize = 16, Seed = 4, MaxGradNorm = 0.5, Schedule = LearningRateSchedule.ReduceOnPlateau(factor: 0.5, patience: 1, threshold: 0.05),
        }),
        "adam with validation and early stopping" => (() => new ResumedAdamNet(1), Spiral, new TrainingOptions
        {
            BatchSize = 32, Seed = 5, ValidationSplit = 0.25, EarlyStopping = new EarlyStopping(Patience: 2, MinDelta: 0.02),
        }),
        "adamw" => (() => new ResumedAdamWNet(1), Spiral, new TrainingOptions { BatchSize = 24, Seed = 7, Schedule = LearningRateSchedule.Step(3, 0.5) }),
        _ => (() => new ResumedRmsPropNet(1), Spiral, new TrainingOptions { BatchSize = 20, Seed = 6, Schedule = LearningRateSchedule.Cosine(9) }),
    };

    internal static uint[] Bits(INetwork<float> network)
    {
        var parameters = new float[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters.Select(BitConverter.SingleToUInt32Bits).ToArray();
    }
}

[Network(Loss.CrossEntropy, L2 = 1e-3)]
[Input(2)]
[Dense(24, Activation.ReLU, Dropout = 0.25)]
[Dense(3, Activation.Softmax)]
[Sgd(0.2, Momentum = 0.9, Nesterov = true)]
public partial class ResumedDropoutNet;

[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Adam(0.05, AmsGrad = true)]
public partial class ResumedAdamNet;

[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(10, Activation.SiLU)]
[Dense(3, Activation.Softmax)]
[AdamW(0.02, WeightDecay = 0.05)]
public partial class ResumedAdamWNet;

[Network(Loss.CrossEntropy)]
[Input(2)]
[Dense(12, Activation.GELU)]
[Dense(3, Activation.Softmax)]
[RmsProp(0.01, Momentum = 0.5, Centered = true)]
public partial class ResumedRmsPropNet;
