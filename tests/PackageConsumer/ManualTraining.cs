using NetGen;

/// <summary>The README's "Train and use it": a training loop of the user's own, then inference.</summary>
static class ManualTraining
{
    public static bool Run()
    {
        var net = new SpiralNet(seed: 42);
        Dataset<float> data = Datasets.Spiral<float>(pointsPerClass: 100, classes: 3, noise: 0.2, seed: 0);
        const int batch = 30;
        float[] inputs = new float[batch * SpiralNet.InputSize];   // a batch, one sample a row
        int[] labels = new int[batch];
        int[] order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(7);
        for (int epoch = 0; epoch < 300; epoch++)
        {
            random.Shuffle(order);                                 // a new order every epoch
            for (int start = 0; start < data.Count; start += batch)
            {
                for (int i = 0; i < batch; i++)
                {
                    data.FeaturesOf(order[start + i]).CopyTo(inputs.AsSpan(i * SpiralNet.InputSize));
                    labels[i] = data.Labels![order[start + i]];
                }
                float loss = net.TrainStep(inputs, labels);        // forward, backward and one SGD step
            }
        }

        float[] point = [0.5f, 0.2f];
        Span<float> probabilities = stackalloc float[SpiralNet.OutputSize];
        net.Forward(point, probabilities);                         // inference: one sample, or a batch of rows
        int predicted = net.Predict(point);                        // the most likely class

        // Checked against a plain count over the data set and the probabilities' own largest entry.
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (net.Predict(data.FeaturesOf(i)) == data.Labels![i]) correct++;
        }
        int largest = 0;
        for (int k = 1; k < SpiralNet.OutputSize; k++)
        {
            if (probabilities[k] > probabilities[largest]) largest = k;
        }
        Console.WriteLine($"     own loop: {correct} of {data.Count} points right; (0.5, 0.2) is class {predicted}");
        return correct > 0.9 * data.Count && predicted == largest;
    }
}
