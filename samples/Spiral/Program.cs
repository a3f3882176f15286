// The material's spiral classifier: 300 points on three interleaved arms, a 2-10-3 network with a
// sigmoid hidden layer and a softmax output, trained with cross-entropy and plain SGD in batches of 30.
// Writes loss.png and boundary.png into an output folder beside the program, and names it.
using System;
using System.IO;
using NetGen;
using NetGen.Plotting;
using Spiral;

Dataset<float> data = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 0);
var net = new SpiralNet(seed: 42);
Console.WriteLine($"Training a {SpiralNet.InputSize}-10-{SpiralNet.OutputSize} network ({SpiralNet.ParameterCount} parameters) on {data.Count} spiral points.");

TrainingHistory history = Trainer.Fit(net, data, new TrainingOptions
{
    Epochs = 300,
    BatchSize = 30,
    Seed = 7,
    Verbose = Verbosity.Interval,
    EvalInterval = 100,
});

Console.WriteLine();
DecisionMap.Print(net, data);
string output = Path.Combine(AppContext.BaseDirectory, "output");
Directory.CreateDirectory(output);
Plots.SaveLoss(history, Path.Combine(output, "loss.png"), title: "Spiral: training loss");
Plots.SaveDecisionRegions(net, data, Path.Combine(output, "boundary.png"), title: "Spiral: decision regions");
Console.WriteLine();
Console.WriteLine($"wrote loss.png and boundary.png in {output}");
Console.WriteLine($"trained {history.Epochs.Count} epochs ({history.Epochs.Count * data.Count / 30} steps) in "
    + $"{history.Last!.Elapsed.TotalMilliseconds:F1} ms"
    + (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? " (JIT compilation included)" : " (NativeAOT)"));
Console.WriteLine($"final loss {history.Loss[^1]:F4} | accuracy {history.Accuracy[^1]:F4}");
return history.Loss[^1] <= 0.15 && history.Accuracy[^1] >= 0.95 ? 0 : 1;
