using NetGen;

// 300 points on three interleaved spiral arms: two coordinates each, labelled 0, 1 or 2.
Dataset<float> data = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 0);
var net = new SpiralNet(seed: 42);
Trainer.Fit(net, data, new TrainingOptions { Epochs = 300, BatchSize = 30 });

var (loss, accuracy) = Trainer.Evaluate(net, data);
Console.WriteLine($"loss {loss:F3}, accuracy {accuracy:P1}");
Console.WriteLine($"the point (0.5, 0.2) is in class {net.Predict([0.5f, 0.2f])}");

// Above: the README's first program, as written. Below: the checks that make this project a test of
// the packages, and the README's other snippets, each run and checked.

Console.WriteLine($"     spiral: trained parameters' hash {ParameterHash.Of(net.Parameters)}");
if (args is ["--first-program-only"]) return 0;   // what benchmarks/startup.sh times

var failures = new List<string>();
void Check(bool passed, string what)
{
    Console.WriteLine($"{(passed ? "ok  " : "FAIL")} {what}");
    if (!passed) failures.Add(what);
}

Check(loss < 0.3 && accuracy > 0.9, $"the spiral was learned (loss {loss:F3}, accuracy {accuracy:F3})");
Check(ManualTraining.Run(), "the README's own training loop learns, and Forward agrees with Predict");
Check(DigitsTraining.Run(), "the README's Trainer.Fit on the digits reaches 90% test accuracy");

string output = Path.Combine(AppContext.BaseDirectory, "output");
Check(Plotting.Run(output), $"the README's plots are PNG files in {output}");

Console.WriteLine(failures.Count == 0 ? "all checks passed" : $"{failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;
