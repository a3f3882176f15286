using NetGen;

/// <summary>The README's <c>Trainer.Fit</c> snippet: the 8x8 digits, standardized, with validation.</summary>
static class DigitsTraining
{
    /// <summary>Trains the README's classifier; <paramref name="trained"/> is it with its standardized test set.</summary>
    public static bool Run(out (DigitsNet Classifier, Standardization<float> Scaler, Dataset<float> Test) trained)
    {
        Dataset<float> digits = Datasets.Digits<float>();          // 1,797 8x8 images: 64 features, 10 classes
        var (training, test) = digits.Split(0.8, seed: 0);
        var scaler = Standardization<float>.Fit(training);         // fitted on the training data only
        var classifier = new DigitsNet(seed: 1);
        TrainingHistory history = Trainer.Fit(classifier, scaler.Apply(training), new TrainingOptions
        {
            Epochs = 60,
            BatchSize = 32,
            Validation = scaler.Apply(test),                        // or ValidationSplit = 0.2
            MaxGradNorm = 5,                                        // global-norm clipping
            Schedule = LearningRateSchedule.Cosine(60),             // also Step, Exponential, ReduceOnPlateau
            EarlyStopping = new EarlyStopping(Patience: 5),
            Verbose = Verbosity.Epoch,                              // or Interval: "| epoch 12 | iter 10 / 10 | loss 0.85"
        });
        var (testLoss, testAccuracy) = Trainer.Evaluate(classifier, scaler.Apply(test));
        trained = (classifier, scaler, test);

        Console.WriteLine($"     digits: {history.Epochs.Count} epochs, test loss {testLoss:F3}, accuracy {testAccuracy:F3}, "
            + $"trained parameters' hash {ParameterHash.Of(classifier.Parameters)}");
        return testAccuracy >= 0.9;
    }
}
