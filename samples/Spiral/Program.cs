// The material's spiral classifier: 300 points on three interleaved arms, a 2-10-3 network with a
// sigmoid hidden layer and a softmax output, trained with cross-entropy and plain SGD.
using System;
using System.Diagnostics;
using NetGen;
using Spiral;

const int Epochs = 300;
const int BatchSize = 30;
const int ReportEveryEpochs = 10;

Dataset<float> data = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 0);
var net = new SpiralNet(seed: 42);
var shuffle = new SeededRandom(7);
int[] order = new int[data.Count];
for (int i = 0; i < order.Length; i++)
    order[i] = i;
int iterations = data.Count / BatchSize;
var batchInputs = new float[BatchSize * SpiralNet.InputSize];
var batchLabels = new int[BatchSize];

Console.WriteLine($"Training a {SpiralNet.InputSize}-10-{SpiralNet.OutputSize} network ({SpiralNet.ParameterCount} parameters) on {data.Count} spiral points.");
var clock = Stopwatch.StartNew();
double intervalLoss = 0, lastEpochLoss = 0;
int intervalCount = 0;
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    Shuffle(order, shuffle);
    double epochLoss = 0;
    for (int iteration = 0; iteration < iterations; iteration++)
    {
        for (int k = 0; k < BatchSize; k++)
        {
            int sample = order[iteration * BatchSize + k];
            data.FeaturesOf(sample).CopyTo(batchInputs.AsSpan(k * SpiralNet.InputSize));
            batchLabels[k] = data.Labels![sample];
        }
        float loss = net.TrainStep(batchInputs, batchLabels);
        epochLoss += loss;
        intervalLoss += loss;
        intervalCount++;
    }
    lastEpochLoss = epochLoss / iterations;
    if (epoch % ReportEveryEpochs == 0)
    {
        Console.WriteLine($"| epoch {epoch,3} | iter {iterations} / {iterations} | loss {intervalLoss / intervalCount:F2}");
        intervalLoss = 0;
        intervalCount = 0;
    }
}
clock.Stop();

int correct = 0;
for (int sample = 0; sample < data.Count; sample++)
    correct += net.Predict(data.FeaturesOf(sample)) == data.Labels![sample] ? 1 : 0;

Console.WriteLine();
DecisionMap.Print(net, data);
Console.WriteLine();
Console.WriteLine($"trained {Epochs} epochs ({Epochs * iterations} steps) in {clock.Elapsed.TotalMilliseconds:F1} ms (JIT compilation included), "
    + $"{clock.Elapsed.TotalMilliseconds * 1000.0 / (Epochs * iterations):F2} µs a step");
Console.WriteLine($"final loss {lastEpochLoss:F4} | accuracy {(double)correct / data.Count:F4}");

static void Shuffle(int[] items, SeededRandom random)
{
    // Fisher–Yates, from the seeded generator so that every run trains the same way.
    for (int i = items.Length - 1; i > 0; i--)
    {
        int j = random.NextInt(i + 1);
        (items[i], items[j]) = (items[j], items[i]);
    }
}
