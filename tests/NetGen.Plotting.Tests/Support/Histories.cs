namespace NetGen.Plotting.Tests;

/// <summary>Real training histories from tiny networks (TrainingHistory can only be made by training).</summary>
public static class Histories
{
    /// <summary>XorNet trained on XOR, without validation: loss and accuracy, no validation values.</summary>
    public static TrainingHistory Xor(int epochs = 5, int seed = 0) =>
        Trainer.Fit(new XorNet(seed), Datasets.Xor<float>(), new TrainingOptions { Epochs = epochs, BatchSize = 4, Seed = seed });

    /// <summary>XorNet trained on XOR and validated on it too: every curve present.</summary>
    public static TrainingHistory XorWithValidation(int epochs = 5, int seed = 0) =>
        Trainer.Fit(new XorNet(seed), Datasets.Xor<float>(),
            new TrainingOptions { Epochs = epochs, BatchSize = 4, Seed = seed, Validation = Datasets.Xor<float>() });

    /// <summary>A regressor trained on targets: losses but no accuracy.</summary>
    public static TrainingHistory Regression(int epochs = 5)
    {
        float[] features = [0, 0, 0, 1, 1, 0, 1, 1];
        float[] targets = [0, 1, 1, 2];
        return Trainer.Fit(new Regressor(1), new Dataset<float>(features, 2, targets, 1),
            new TrainingOptions { Epochs = epochs, BatchSize = 4 });
    }
}
