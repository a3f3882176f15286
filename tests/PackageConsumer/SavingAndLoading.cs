using NetGen;

/// <summary>
/// The README's saving and loading: safetensors weights, a checkpoint that resumes training to the same bits as
/// training through, and the ONNX export, each writing into a folder of its own.
/// </summary>
static class SavingAndLoading
{
    public static bool Run(string folder)
    {
        Directory.CreateDirectory(folder);
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return Weights() && Checkpoint() && Onnx();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static bool Weights()
    {
        var net = new SpiralNet(seed: 42);
        net.SaveSafetensors("spiral.safetensors");                 // weight [out, in] and bias [out] per layer, F32 or F64
        var copy = new SpiralNet();
        copy.LoadSafetensors("spiral.safetensors");                // also F16 and BF16 files, converted
        return copy.Parameters.SequenceEqual(net.Parameters) && SpiralNet.Description.Layers[1].WeightName == "2.weight";
    }

    private static bool Checkpoint()
    {
        Dataset<float> digits = Datasets.Digits<float>();
        var scaler = Standardization<float>.Fit(digits);
        Dataset<float> data = scaler.Apply(digits);
        var options = new TrainingOptions { BatchSize = 64, Seed = 4 };
        var through = new DigitsNet(seed: 5);
        Trainer.Fit(through, data, options with { Epochs = 60 });

        var net = new DigitsNet(seed: 5);
        TrainingHistory first = Trainer.Fit(net, data, options with { Epochs = 20 });
        net.SaveCheckpoint("run.safetensors", first.Progress, scaler);
        // later, in another process
        var resumed = new DigitsNet();
        Checkpoint<float> checkpoint = resumed.LoadCheckpoint("run.safetensors");
        Trainer.Fit(resumed, data, options with { Epochs = 60, ResumeFrom = checkpoint.Progress });

        Console.WriteLine($"     resumed: trained parameters' hash {ParameterHash.Of(resumed.Parameters)}, trained through {ParameterHash.Of(through.Parameters)}");
        return resumed.Parameters.SequenceEqual(through.Parameters) && checkpoint.Standardization!.Mean.SequenceEqual(scaler.Mean);
    }

    private static bool Onnx()
    {
        var net = new SpiralNet(seed: 42);
        net.ExportOnnx("spiral.onnx");                              // input "input" [batch, 2], output "output" [batch, 3]
        return new FileInfo("spiral.onnx").Length > 4 * SpiralNet.ParameterCount;
    }
}
