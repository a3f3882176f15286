// A classifier PyTorch trained and exported to ONNX (train_in_pytorch.py, whose output files are committed),
// compiled into the program by [OnnxNetwork]: no model file, no parsing and no allocation at startup. The first
// thing the program does is classify one digit, and it prints how long after the process started that was. Then it
// checks the whole test set against PyTorch's figures: exits with 1 when a probability differs from PyTorch's by more
// than 1e-5 or the test accuracy is not PyTorch's.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NetGen;
using OnnxClassifier;

long mainEntry = Stopwatch.GetTimestamp();

// The first test digit (a 2), pixels 0 to 16, in the program itself so that the first prediction reads no file.
ReadOnlySpan<byte> firstPixels =
[
    0, 4, 16, 15, 2, 0, 0, 0, 0, 11, 15, 15, 7, 0, 0, 0, 0, 9, 10, 6, 14, 0, 0, 0, 0, 0, 0, 7, 15, 0, 0, 0,
    0, 0, 0, 13, 10, 0, 0, 0, 0, 0, 1, 16, 7, 2, 2, 0, 0, 1, 12, 16, 15, 16, 15, 0, 0, 4, 16, 16, 16, 12, 11, 0,
];
Span<float> firstDigit = stackalloc float[DigitsClassifier.InputSize];
for (int i = 0; i < firstDigit.Length; i++)
    firstDigit[i] = firstPixels[i] / 16f;

var net = new DigitsClassifier();
int predicted = net.Predict(firstDigit);

TimeSpan sinceMain = Stopwatch.GetElapsedTime(mainEntry);
TimeSpan sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
string runtime = RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT";
Console.WriteLine($"First prediction: {predicted}, {sinceStart.TotalMilliseconds:F0} ms after the process started "
    + $"({sinceMain.TotalMilliseconds:F2} ms after Main began), under {runtime}.");
Console.WriteLine($"Compiled in from digits_classifier.onnx: {string.Join(", ", DigitsClassifier.Description.Layers)} "
    + $"({DigitsClassifier.ParameterCount} parameters).");

// The split train_in_pytorch.py uses: by position, the last 360 digits test, pixels divided by 16.
const int TrainingCount = 1437;
Dataset<float> all = Datasets.Digits<float>();
Dataset<float> test = Rows(all, TrainingCount, all.Count);
using JsonDocument pytorch = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pytorch_results.json")));
JsonElement results = pytorch.RootElement;

bool samePixels = results.GetProperty("first_test_pixels").EnumerateArray().Select(p => (byte)p.GetInt32()).SequenceEqual(firstPixels.ToArray())
    && test.FeaturesOf(0).SequenceEqual(firstDigit);

double worst = 0;
float[] probabilities = new float[DigitsClassifier.OutputSize];
int sample = 0;
foreach (JsonElement expected in results.GetProperty("first_test_probabilities").EnumerateArray())
{
    net.Forward(test.FeaturesOf(sample++), probabilities);
    worst = Math.Max(worst, expected.EnumerateArray().Select((p, k) => Math.Abs(probabilities[k] - p.GetDouble())).Max());
}

var (_, accuracy) = Trainer.Evaluate(net, test);
int correct = (int)Math.Round(accuracy!.Value * test.Count);
int pytorchCorrect = results.GetProperty("test_correct").GetInt32();
Console.WriteLine($"Test accuracy {accuracy:F4} ({correct} of {test.Count}); PyTorch's: "
    + $"{results.GetProperty("test_accuracy").GetDouble():F4} ({pytorchCorrect} of {results.GetProperty("test_count").GetInt32()}).");
Console.WriteLine($"Probabilities of the first {sample} test digits within {worst:E1} of PyTorch's (allowed: 1E-005).");

bool agrees = samePixels && sample > 0 && worst <= 1e-5 && correct == pytorchCorrect;
if (!samePixels)
    Console.WriteLine("The first test digit in the program is not the data set's, or not PyTorch's.");
Console.WriteLine($"{(agrees ? "NetGen agrees" : "NetGen DISAGREES")} with PyTorch, under {runtime} "
    + $"(first prediction {sinceStart.TotalMilliseconds:F0} ms after the process started).");
return agrees ? 0 : 1;

// Rows [first, end) of the digits, scaled to 0-1 as PyTorch's script scales them.
static Dataset<float> Rows(Dataset<float> all, int first, int end)
{
    var features = new float[(end - first) * all.FeatureCount];
    for (int i = first; i < end; i++)
    {
        ReadOnlySpan<float> row = all.FeaturesOf(i);
        for (int j = 0; j < row.Length; j++)
            features[(i - first) * all.FeatureCount + j] = row[j] / 16;
    }
    return new Dataset<float>(features, all.FeatureCount, all.Labels![first..end]);
}
