// Fashion-MNIST (Zalando, MIT licence; Debian's dataset-fashion-mnist package): 60,000 training and
// 10,000 test images of 28x28 pixels in 10 classes. Exits with 1 when test accuracy is below 0.85.
using System;
using FashionMnist;
using NetGen;

const double Target = 0.85;

string? directory = args.Length > 0 ? args[0] : null;
Dataset<float> training = Datasets.FashionMnist<float>(directory, training: true);
Dataset<float> test = Datasets.FashionMnist<float>(directory, training: false);

var net = new FashionMnistNet(seed: 1);
Console.WriteLine($"{training.Count} training and {test.Count} test images; a 784-256-10 network with {FashionMnistNet.ParameterCount} parameters, Adam 1e-3.");
TrainingHistory history = Trainer.Fit(net, training, new TrainingOptions
{
    Epochs = 5,
    BatchSize = 64,
    Seed = 2,
    Validation = test,
    Verbose = Verbosity.Epoch,
});

var (testLoss, testAccuracy) = Trainer.Evaluate(net, test);
Console.WriteLine($"trained {history.Epochs.Count} epochs in {history.Last!.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"test loss {testLoss:F4} | test accuracy {testAccuracy:F4}");
return testAccuracy >= Target ? 0 : 1;
