// The perceptron story: a single neuron learns AND and OR, which a straight line separates, but not
// XOR, which no line separates (Minsky and Papert, 1969); a hidden layer learns XOR.
using System;
using NetGen;
using Xor;

const int Epochs = 2000;

Console.WriteLine("One sigmoid neuron (a perceptron), binary cross-entropy, SGD:");
bool andLearned = Show("AND", new Perceptron(seed: 1), Datasets.And<float>());
bool orLearned = Show("OR", new Perceptron(seed: 1), Datasets.Or<float>());
bool xorByNeuron = Show("XOR", new Perceptron(seed: 1), Datasets.Xor<float>());
Console.WriteLine();
Console.WriteLine("A 2-4-1 network with a tanh hidden layer:");
bool xorByNetwork = Show("XOR", new TwoLayerNet(seed: 1), Datasets.Xor<float>());
Console.WriteLine();
Console.WriteLine($"AND {(andLearned ? "learned" : "not learned")}, OR {(orLearned ? "learned" : "not learned")}, "
    + $"XOR by one neuron {(xorByNeuron ? "learned" : "not learned")}, XOR by a hidden layer {(xorByNetwork ? "learned" : "not learned")}");

static bool Show(string name, INetwork<float> net, Dataset<float> table)
{
    TrainingHistory history = Trainer.Fit(net, table, new TrainingOptions { Epochs = Epochs, BatchSize = 4, Shuffle = false });
    Console.WriteLine($"  {name}, loss {history.Loss[^1]:F4} after {Epochs} epochs");
    Console.WriteLine("    x1 x2 | target | output | predicted");
    bool allRight = true;
    Span<float> output = stackalloc float[1];
    for (int row = 0; row < table.Count; row++)
    {
        ReadOnlySpan<float> x = table.FeaturesOf(row);
        net.Forward(x, output);
        int predicted = net.Predict(x);
        int target = table.Labels![row];
        allRight &= predicted == target;
        Console.WriteLine($"     {x[0]}  {x[1]} |   {target}    | {output[0]:F3}  |     {predicted}{(predicted == target ? "" : "   wrong")}");
    }
    return allRight;
}
