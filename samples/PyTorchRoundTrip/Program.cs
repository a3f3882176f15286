// Weights move between PyTorch and NetGen: a digits classifier trained briefly in PyTorch (train_in_pytorch.py,
// whose output files are committed) is loaded from its safetensors file, checked against PyTorch's own outputs,
// fine-tuned in NetGen with a checkpoint that resumes training to the same bits, and written back as safetensors
// (which PyTorch's load_state_dict takes as it is) and as an ONNX model. Exits with 1 when the loaded network
// disagrees with PyTorch, the checkpoint does not restore, or fine-tuning misses 0.90 test accuracy.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen;
using PyTorchRoundTrip;

// The last 360 digits, by other writers than most of the first, are harder than a shuffled split's (the Digits
// sample reaches 0.95 on one).
const double Target = 0.90;
const int TrainingCount = 1437;

// The split train_in_pytorch.py uses: by position, pixels divided by 16.
Dataset<float> all = Datasets.Digits<float>();
(Dataset<float> training, Dataset<float> test) = (Rows(all, 0, TrainingCount), Rows(all, TrainingCount, all.Count));

var net = new DigitsMlp(seed: 1);
net.LoadSafetensors(Path.Combine(AppContext.BaseDirectory, "pytorch_digits.safetensors"));
Console.WriteLine($"Loaded PyTorch's {string.Join(", ", DigitsMlp.Description.Layers.SelectMany(l => new[] { l.WeightName, l.BiasName }))}.");

using JsonDocument pytorch = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pytorch_outputs.json")));
double worst = 0;
float[] probabilities = new float[DigitsMlp.OutputSize];
int sample = 0;
foreach (JsonElement expected in pytorch.RootElement.GetProperty("first_test_probabilities").EnumerateArray())
{
    net.Forward(test.FeaturesOf(sample++), probabilities);
    worst = Math.Max(worst, expected.EnumerateArray().Select((p, k) => Math.Abs(probabilities[k] - p.GetDouble()) / Math.Max(p.GetDouble(), 1e-6)).Max());
}
double pytorchAccuracy = pytorch.RootElement.GetProperty("test_accuracy").GetDouble();
var (_, loadedAccuracy) = Trainer.Evaluate(net, test);
Console.WriteLine($"As loaded: test accuracy {loadedAccuracy:F4} (PyTorch: {pytorchAccuracy:F4}); outputs within {worst:E1} of PyTorch's, relative.");
bool agrees = worst <= 1e-5 && Math.Abs(loadedAccuracy!.Value - pytorchAccuracy) < 1e-6;

// Fine-tune, saving a checkpoint halfway; a new instance resumed from it must end on the same bits.
var options = new TrainingOptions { Epochs = 30, BatchSize = 32, Seed = 3 };
TrainingHistory half = Trainer.Fit(net, training, options with { Epochs = 15 });
string checkpoint = Path.Combine(Path.GetTempPath(), "digits_finetune.checkpoint.safetensors");
net.SaveCheckpoint(checkpoint, half.Progress);
var twin = net.Clone();
Trainer.Fit(net, training, options with { ResumeFrom = half.Progress });
var resumed = new DigitsMlp(seed: 7);
Checkpoint<float> loaded = resumed.LoadCheckpoint(checkpoint);
Trainer.Fit(resumed, training, options with { ResumeFrom = loaded.Progress });
bool restores = net.Parameters.SequenceEqual(resumed.Parameters) && !twin.Parameters.SequenceEqual(net.Parameters);
Console.WriteLine($"Resumed from the checkpoint at epoch {loaded.Progress!.Epoch}: {(restores ? "the same bits" : "DIFFERENT parameters")} as training through.");

var (testLoss, testAccuracy) = Trainer.Evaluate(net, test);
Console.WriteLine($"Fine-tuned in NetGen: test loss {testLoss:F4} | test accuracy {testAccuracy:F4}");

string weights = Path.Combine(Path.GetTempPath(), "digits_finetuned.safetensors");
net.SaveSafetensors(weights);
Console.WriteLine($"Wrote {weights}: in PyTorch, model.load_state_dict(load_safetensors(path)) takes it as it is.");
string model = Path.Combine(Path.GetTempPath(), "digits_finetuned.onnx");
net.ExportOnnx(model);
Console.WriteLine($"Wrote {model}: any ONNX runtime runs it, input '{OnnxExport.InputName}' [batch, 64], output '{OnnxExport.OutputName}' [batch, 10].");
return agrees && restores && testAccuracy >= Target ? 0 : 1;

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
