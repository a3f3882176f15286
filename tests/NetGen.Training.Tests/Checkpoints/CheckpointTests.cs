using System;
using System.IO;
using System.Linq;
using NetGen.Training.Tests.Networks;
using NetGen.Training.Tests.Trainer;
using Xunit;

namespace NetGen.Training.Tests.Checkpoints;

/// <summary>
/// A checkpoint carries a network's whole training state: training for N epochs equals training for K, saving,
/// loading into a new instance and resuming to N, bit for bit, for every optimizer; a checkpoint that is not this
/// network's, or is damaged, is refused with the reason and leaves the network as it was.
/// </summary>
public sealed class CheckpointTests
{
    public static TheoryData<string> Runs => new(ResumeTests.RunNames);

    [Theory]
    [MemberData(nameof(Runs))]
    public void Saving_loading_into_a_new_instance_and_resuming_ends_where_one_run_ends(string run)
    {
        (Func<INetwork<float>> create, Dataset<float> data, TrainingOptions options) = ResumeTests.Setup(run);
        const int epochs = 8, stop = 3;
        INetwork<float> whole = create();
        TrainingHistory wholeHistory = NetGen.Trainer.Fit(whole, data, options with { Epochs = epochs });

        INetwork<float> first = create();
        TrainingHistory firstHistory = NetGen.Trainer.Fit(first, data, options with { Epochs = stop });
        using var file = new MemoryStream();
        first.SaveCheckpoint(file, firstHistory.Progress);
        file.Position = 0;
        INetwork<float> fresh = create();
        // Another seed's parameters, so that nothing but the checkpoint can make the runs agree.
        fresh.ImportParameters(Enumerable.Range(0, fresh.ParameterCount).Select(k => 0.01f * (k % 7)).ToArray());
        Checkpoint<float> checkpoint = fresh.LoadCheckpoint(file);
        TrainingHistory resumedHistory = NetGen.Trainer.Fit(fresh, data, options with { Epochs = epochs, ResumeFrom = checkpoint.Progress });

        Assert.Equal(ResumeTests.Bits(whole), ResumeTests.Bits(fresh));
        Assert.Equal(wholeHistory.Loss, resumedHistory.Loss);
        Assert.Equal(firstHistory.Epochs, checkpoint.Progress!.Epochs);
        Assert.Null(checkpoint.Standardization);
    }

    [Fact]
    public void Steps_taken_by_hand_resume_from_a_file_with_the_optimizer_state_and_dropout_generator()
    {
        // SGD with momentum, dropout and a penalty: the momentum buffer and the masks' generator must both carry over.
        var (inputs, targets) = Batch(64, ChunkedDropoutNet.InputSize, ChunkedDropoutNet.OutputSize);
        var whole = new ChunkedDropoutNet(3);
        var first = new ChunkedDropoutNet(3);
        for (int step = 0; step < 6; step++)
        {
            whole.TrainStep(inputs, targets);
            if (step < 3)
                first.TrainStep(inputs, targets);
        }
        first.LearningRate = 0.05f;
        string path = Path.Combine(Path.GetTempPath(), $"netgen-checkpoint-{Guid.NewGuid():N}.safetensors");
        try
        {
            first.SaveCheckpoint(path);
            var fresh = new ChunkedDropoutNet(99);
            Checkpoint<float> checkpoint = fresh.LoadCheckpoint(path);
            for (int step = 3; step < 6; step++)
                fresh.TrainStep(inputs, targets);

            Assert.Equal(whole.Parameters.ToArray(), fresh.Parameters.ToArray());
            Assert.Null(checkpoint.Progress);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_first_layer_held_panel_by_panel_resumes_from_a_file_with_its_moments()
    {
        // Adam's moments of a first layer kept panel by panel travel in PyTorch's order and come back into the panels.
        var random = new SeededRandom(7);
        double[] inputs = Enumerable.Range(0, 150 * PanelChunkedNet.InputSize).Select(_ => random.NextDouble()).ToArray();
        int[] labels = Enumerable.Range(0, 150).Select(k => k % PanelChunkedNet.OutputSize).ToArray();
        var whole = new PanelChunkedNet(4);
        var first = new PanelChunkedNet(4);
        for (int step = 0; step < 6; step++)
        {
            whole.TrainStep(inputs, labels);
            if (step < 3)
                first.TrainStep(inputs, labels);
        }
        using var file = new MemoryStream();
        first.SaveCheckpoint(file);
        file.Position = 0;
        var fresh = new PanelChunkedNet(99);
        fresh.LoadCheckpoint(file);
        for (int step = 3; step < 6; step++)
            fresh.TrainStep(inputs, labels);

        Assert.Equal(whole.Parameters.ToArray(), fresh.Parameters.ToArray());
        Assert.NotEqual(new PanelChunkedNet(4).Parameters.ToArray(), fresh.Parameters.ToArray());
    }

    [Fact]
    public void A_standardization_travels_with_the_checkpoint()
    {
        var network = new SineNet(1);
        var scaler = new Standardization<float>([0.25f], [1.5f]);
        using var file = new MemoryStream();
        network.SaveCheckpoint(file, standardization: scaler);
        file.Position = 0;

        Checkpoint<float> checkpoint = new SineNet(2).LoadCheckpoint(file);

        Assert.Equal([0.25f], checkpoint.Standardization!.Mean.ToArray());
        Assert.Equal([1.5f], checkpoint.Standardization.StandardDeviation.ToArray());
    }

    [Fact]
    public void A_weights_file_is_not_a_checkpoint()
    {
        using var file = new MemoryStream();
        new SineNet(1).SaveSafetensors(file);
        file.Position = 0;
        var network = new SineNet(2);
        float[] before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => network.LoadCheckpoint(file));

        Assert.Contains("not a NetGen checkpoint", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Another_networks_checkpoint_is_refused_naming_the_tensor()
    {
        using var file = new MemoryStream();
        new SpiralLikeRegressor(1).SaveCheckpoint(file);
        file.Position = 0;
        var network = new SineNet(2);
        float[] before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => network.LoadCheckpoint(file));

        Assert.Contains("tensor '0.weight' has shape [3, 2], expected [16, 1]", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Theory]
    [InlineData("optimizer.step", "\"optimizer.step\":\"-1\"", "'optimizer.step' metadata is missing or not a count")]
    [InlineData("optimizer.learning_rate", "\"optimizer.learning_rate\":\"NaN\"", "'optimizer.learning_rate' metadata is missing or not a finite rate")]
    [InlineData("netgen.checkpoint", "\"netgen.checkpoint\":\"7\"", "checkpoint format '7'")]
    public void A_damaged_metadata_value_is_refused_with_its_key(string key, string replacement, string message)
    {
        var network = new SineNet(1);
        network.TrainStep([0.5f], [0.25f]);
        using var saved = new MemoryStream();
        network.SaveCheckpoint(saved);
        byte[] damaged = ReplaceMetadata(saved.ToArray(), key, replacement);
        var target = new SineNet(2);
        float[] before = target.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => target.LoadCheckpoint(new MemoryStream(damaged)));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    /// <summary>The file with the metadata pair of <paramref name="key"/> replaced, its header length updated.</summary>
    private static byte[] ReplaceMetadata(byte[] file, string key, string replacement)
    {
        long length = BitConverter.ToInt64(file, 0);
        string header = System.Text.Encoding.UTF8.GetString(file, 8, (int)length);
        int start = header.IndexOf($"\"{key}\":\"", StringComparison.Ordinal);
        int end = header.IndexOf('"', start + key.Length + 4) + 1;
        string edited = header[..start] + replacement + header[end..];
        // Keep the length a multiple of 8 with spaces, as the format pads it.
        edited = edited.TrimEnd() + new string(' ', (8 - edited.TrimEnd().Length % 8) % 8);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(edited);
        return [.. BitConverter.GetBytes((long)bytes.Length), .. bytes, .. file.AsSpan(8 + (int)length).ToArray()];
    }

    private static (float[] Inputs, float[] Targets) Batch(int count, int inputs, int outputs)
    {
        var random = new SeededRandom(5);
        float[] x = Enumerable.Range(0, count * inputs).Select(_ => (float)random.NextDouble()).ToArray();
        float[] t = Enumerable.Range(0, count * outputs).Select(_ => (float)random.NextDouble()).ToArray();
        return (x, t);
    }
}
