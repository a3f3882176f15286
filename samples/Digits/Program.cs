// The 8x8 handwritten digits (UCI, via scikit-learn): 1,797 images, 80% to train, 20% to test.
// Exits with 1 when test accuracy is below 0.95.
using System;
using Digits;
using NetGen;

const double Target = 0.95;

Dataset<float> all = Datasets.Digits<float>();
var (training, test) = all.Split(0.8, seed: 0);
var scaler = Standardization<float>.Fit(training);
training = scaler.Apply(training);
test = scaler.Apply(test);

var net = new DigitsNet(seed: 1);
Console.WriteLine($"{training.Count} training and {test.Count} test digits; a 64-32-10 network with {DigitsNet.ParameterCount} parameters.");
TrainingHistory history = Trainer.Fit(net, training, new TrainingOptions
{
    Epochs = 60,
    BatchSize = 32,
    Seed = 2,
    Validation = test,
    Verbose = Verbosity.Epoch,
});

var (testLoss, testAccuracy) = Trainer.Evaluate(net, test);
Console.WriteLine($"trained {history.Epochs.Count} epochs in {history.Last!.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"test loss {testLoss:F4} | test accuracy {testAccuracy:F4}");
return testAccuracy >= Target ? 0 : 1;
