using NetGen;
using NetGen.Plotting;

/// <summary>The README's plotting snippet, writing into a folder of its own.</summary>
static class Plotting
{
    public static bool Run(string folder)
    {
        Directory.CreateDirectory(folder);
        Environment.CurrentDirectory = folder;
        var net = new SpiralNet(seed: 42);
        Dataset<float> data = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 0);

        TrainingHistory history = Trainer.Fit(net, data, new TrainingOptions { Epochs = 300, BatchSize = 30 });
        Plots.SaveLoss(history, "loss.png");                       // the loss by epoch (and validation's, when given)
        Plots.SaveDecisionRegions(net, data, "boundary.png");      // a two-input classifier's regions, with its points

        return IsPng(Path.Combine(folder, "loss.png")) && IsPng(Path.Combine(folder, "boundary.png"));
    }

    // A PNG file starts with these eight bytes (the PNG specification, section 5.2).
    static bool IsPng(string path)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!File.Exists(path)) return false;
        byte[] bytes = File.ReadAllBytes(path);
        return bytes.Length > 1000 && bytes.AsSpan(0, signature.Length).SequenceEqual(signature);
    }
}
